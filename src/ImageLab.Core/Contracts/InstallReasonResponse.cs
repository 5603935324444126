namespace ImageLab.Core.Contracts;

/// <summary>Why apt installed a Debian package: "requested", "dependency" (of <see cref="Via"/>) or "recommendsOnly" (recommended by <see cref="Via"/>).</summary>
public sealed record InstallReasonResponse(string Kind, IReadOnlyList<string> Via);
