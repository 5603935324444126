namespace ImageLab.Core.Dockerfiles;

/// <summary>One name defined by an ARG or ENV instruction.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">The value after substitution and quote removal, or <see langword="null"/> for an ARG without a default.</param>
public sealed record VariableDefinition(string Name, string? Value);
