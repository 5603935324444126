namespace ImageLab.Docker.Engine;

/// <summary>
/// An engine's disk use as <c>GET /system/df</c> reports it: ImageLab's images (those labelled
/// <c>imagelab.managed</c>) against all images, and the build cache (whose records carry no labels).
/// </summary>
public sealed record EngineDiskUsage(
    string Endpoint,
    int ImageLabImages,
    long ImageLabImageBytes,
    long ImageLabUniqueBytes,
    int AllImages,
    long AllLayersBytes,
    int BuildCacheRecords,
    long BuildCacheBytes,
    long BuildCacheReclaimableBytes);
