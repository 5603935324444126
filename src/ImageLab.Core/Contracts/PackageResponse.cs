namespace ImageLab.Core.Contracts;

/// <summary>
/// One package in <see cref="PackagesResponse"/>: manager ("dpkg", "apk", "python", "npm"), name, version, where it
/// lives (site-packages or node_modules folder; empty for system packages), its bytes and files, the layer that
/// installed it (index, base first, and what made it), and for Debian packages why apt installed it.
/// </summary>
public sealed record PackageResponse(
    string Manager,
    string Name,
    string Version,
    string Location,
    long Bytes,
    int FileCount,
    int Layer,
    string InstalledBy,
    InstallReasonResponse? Reason);
