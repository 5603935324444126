using System.Text.RegularExpressions;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;

namespace ImageLab.Web.Formatting;

/// <summary>Readable text for a layer: the Dockerfile instruction when it was matched, else a tidied <c>docker history</c> created-by.</summary>
public static partial class LayerText
{
    public static string Describe(LayerDetails layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        // The created-by carries the whole command; the matched instruction may be its keyword only.
        if (!string.IsNullOrWhiteSpace(layer.CreatedBy))
        {
            return Tidy(layer.CreatedBy);
        }

        return string.IsNullOrWhiteSpace(layer.Instruction)
            ? layer.FromBaseImage ? "(base image layer, no created-by recorded)" : "(no created-by recorded)"
            : layer.Instruction.Trim();
    }

    /// <summary>Drops the shell prefix, build-arg preamble and BuildKit marker that <c>docker history</c> adds.</summary>
    public static string Tidy(string? createdBy) =>
        string.IsNullOrWhiteSpace(createdBy) ? "(no created-by recorded)" : CreatedByText.Instruction(createdBy);

    /// <summary>The first <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = Whitespace().Replace(text, " ");
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
