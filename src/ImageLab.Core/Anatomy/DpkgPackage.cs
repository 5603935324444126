namespace ImageLab.Core.Anatomy;

/// <summary>
/// One installed package from dpkg's status file. Relations hold package names only (versions and architecture
/// qualifiers dropped); each inner list is one relation's alternatives (<c>a | b</c>).
/// </summary>
public sealed record DpkgPackage(
    string Name,
    string Version,
    string Architecture,
    long InstalledSizeKibibytes,
    IReadOnlyList<IReadOnlyList<string>> Depends,
    IReadOnlyList<IReadOnlyList<string>> Recommends,
    IReadOnlyList<string> Provides);
