namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>Where <c> -static</c> goes to make a plain C link static: right after the compiler's name.</summary>
/// <param name="Line">The 1-based line of the compiler's name.</param>
/// <param name="Column">The 0-based column just after it.</param>
internal sealed record StaticLinkEdit(int Line, int Column);
