using System.Text.Json;

namespace ImageLab.Core.Layers.Internal;

/// <summary>The parts of an image config the analyzer needs: DiffIDs and the history of non-empty layers.</summary>
internal sealed class ImageConfigInfo
{
    public required List<string> DiffIds { get; init; }

    public required List<string?> CreatedBy { get; init; }

    public static ImageConfigInfo Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("rootfs", out var rootfs) || !rootfs.TryGetProperty("diff_ids", out var diffIds)
            || diffIds.ValueKind != JsonValueKind.Array)
        {
            throw new ImageAnalysisException("The image config has no rootfs.diff_ids; it is not an image config.");
        }

        var createdBy = new List<string?>();
        if (root.TryGetProperty("history", out var history) && history.ValueKind == JsonValueKind.Array)
        {
            foreach (var step in history.EnumerateArray())
            {
                var empty = step.TryGetProperty("empty_layer", out var e) && e.ValueKind == JsonValueKind.True;
                if (!empty)
                {
                    createdBy.Add(step.TryGetProperty("created_by", out var c) ? c.GetString() : null);
                }
            }
        }

        return new ImageConfigInfo
        {
            DiffIds = diffIds.EnumerateArray().Select(d => d.GetString() ?? string.Empty).ToList(),
            CreatedBy = createdBy,
        };
    }
}
