using System.Globalization;

namespace ImageLab.Core.Engines;

/// <summary>The engine that built and measured an iteration, as every page and report names it.</summary>
/// <param name="Version">The engine's own version, e.g. <c>28.5.2</c>.</param>
/// <param name="ApiVersion">The Engine API version ImageLab spoke with it, e.g. <c>1.51</c>.</param>
/// <param name="StorageDriver">What <c>docker info</c> calls its storage driver (<c>overlay2</c>, <c>overlayfs</c>...).</param>
/// <param name="ImageStore">Graph driver or containerd image store.</param>
public sealed record EngineDescription(string Version, string ApiVersion, string StorageDriver, ImageStoreKind ImageStore)
{
    /// <summary>"Docker 28.5.2 (API 1.51, containerd image store, overlayfs)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Docker {Version} (API {ApiVersion}, {StoreName(ImageStore)}, {StorageDriver})");

    /// <summary>Whether two engines measure alike: same version and the same kind of image store.</summary>
    public bool MeasuresLike(EngineDescription other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Version == other.Version && ImageStore == other.ImageStore && StorageDriver == other.StorageDriver;
    }

    /// <summary>"Docker 28.5.2 · containerd image store", for a line that has little room.</summary>
    public static string Brief(string version, ImageStoreKind store) => $"Docker {version} · {StoreName(store)}";

    public static string StoreName(ImageStoreKind store) => store switch
    {
        ImageStoreKind.Containerd => "containerd image store",
        _ => "graph-driver image store",
    };
}
