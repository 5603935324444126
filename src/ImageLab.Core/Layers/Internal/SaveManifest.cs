using System.Text.Json;

namespace ImageLab.Core.Layers.Internal;

/// <summary>Which config and which layer blobs make up the (first) image of a save archive.</summary>
internal sealed class SaveManifest
{
    public required string ConfigPath { get; init; }

    public string? ConfigDigest { get; init; }

    public required List<string> LayerPaths { get; init; }

    public IReadOnlyList<string> RepoTags { get; init; } = [];

    public int ImageCount { get; init; } = 1;

    /// <summary>Docker's <c>manifest.json</c>: <c>[{"Config": …, "RepoTags": […], "Layers": […]}]</c>.</summary>
    public static SaveManifest FromDockerManifest(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            throw new ImageAnalysisException("The save stream's manifest.json lists no image.");
        }

        var image = root[0];
        var config = image.TryGetProperty("Config", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()!
            : throw new ImageAnalysisException("The save stream's manifest.json names no config.");
        var layers = image.TryGetProperty("Layers", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.EnumerateArray().Select(e => SavePaths.Normalize(e.GetString() ?? string.Empty)).ToList()
            : [];
        var tags = image.TryGetProperty(nameof(RepoTags), out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
            : [];
        return new SaveManifest
        {
            ConfigPath = SavePaths.Normalize(config),
            LayerPaths = layers,
            RepoTags = tags,
            ImageCount = root.GetArrayLength(),
        };
    }

    /// <summary>OCI <c>index.json</c>: follows the first manifest (through nested indexes) to its config and layers.</summary>
    public static SaveManifest FromOciIndex(byte[] json, Func<string, byte[]?> readBlob)
    {
        var tags = new List<string>();
        var imageCount = 1;
        var current = json;
        for (var depth = 0; depth < 4; depth++)
        {
            using var document = JsonDocument.Parse(current);
            var root = document.RootElement;
            if (root.TryGetProperty("manifests", out var manifests) && manifests.ValueKind == JsonValueKind.Array)
            {
                if (manifests.GetArrayLength() == 0)
                {
                    throw new ImageAnalysisException("The save stream's index.json lists no image.");
                }

                if (depth == 0)
                {
                    imageCount = manifests.GetArrayLength();
                }

                var first = manifests[0];
                if (first.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object
                    && annotations.TryGetProperty("io.containerd.image.name", out var imageName) && imageName.GetString() is { } tag)
                {
                    tags.Add(tag);
                }

                var digest = first.GetProperty("digest").GetString() ?? string.Empty;
                current = readBlob(SavePaths.BlobPath(digest))
                    ?? throw new ImageAnalysisException($"The manifest {digest} named by index.json is missing from the save stream; it may be truncated.");
                continue;
            }

            var configDigest = root.GetProperty("config").GetProperty("digest").GetString() ?? string.Empty;
            var layers = root.TryGetProperty("layers", out var l) && l.ValueKind == JsonValueKind.Array
                ? l.EnumerateArray().Select(e => SavePaths.BlobPath(e.GetProperty("digest").GetString() ?? string.Empty)).ToList()
                : [];
            return new SaveManifest
            {
                ConfigPath = SavePaths.BlobPath(configDigest),
                ConfigDigest = configDigest,
                LayerPaths = layers,
                RepoTags = tags,
                ImageCount = imageCount,
            };
        }

        throw new ImageAnalysisException("The save stream's index.json nests indexes too deeply.");
    }
}
