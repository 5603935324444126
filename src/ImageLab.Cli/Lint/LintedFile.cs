using ImageLab.Core.Dockerfiles;

namespace ImageLab.Cli.Lint;

/// <summary>A Dockerfile as named on the command line (for locations) and the advisor's findings about it.</summary>
public sealed record LintedFile(string Path, IReadOnlyList<Finding> Findings);
