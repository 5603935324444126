namespace ImageLab.Core.Anatomy;

/// <summary>
/// One package's share of the image: the bytes of the files it owns in every layer that wrote them,
/// <see cref="InstalledInLayer"/> the first of those layers, and for Debian packages why apt installed it.
/// </summary>
public sealed record PackageBytes(
    PackageKey Key,
    string Version,
    long Bytes,
    int FileCount,
    int InstalledInLayer,
    IReadOnlyList<LayerBytes> Layers,
    InstallReason? Reason)
{
    public PackageManager Manager => Key.Manager;

    public string Name => Key.Name;
}
