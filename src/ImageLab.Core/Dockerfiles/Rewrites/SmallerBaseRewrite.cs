using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Bases the final image on the slim variant of its full base image (<c>python:3.12</c> → <c>python:3.12-slim</c>,
/// <c>python:3.11-bookworm</c> → <c>python:3.11-slim-bookworm</c>, <c>debian:bookworm</c> → <c>debian:bookworm-slim</c>),
/// only when the engine has that image or the configuration allows it: the fix for IL002.
/// </summary>
public sealed class SmallerBaseRewrite : IDockerfileRewrite
{
    private static readonly HashSet<string> Codenames = new(StringComparer.Ordinal)
    {
        "bookworm", "bullseye", "buster", "trixie", "jammy", "noble", "focal",
    };

    /// <inheritdoc/>
    public string Id => "smaller-base";

    /// <inheritdoc/>
    public string Title => "Slim final base image";

    /// <inheritdoc/>
    public IReadOnlyList<string> RuleIds => ["IL002"];

    /// <inheritdoc/>
    public IReadOnlyList<string> Prerequisites => [MultiStageSplitRewrite.RewriteId];

    /// <summary>The slim variants of a full image, most specific first; empty for an image that is not a full one.</summary>
    public static IReadOnlyList<string> SlimVariants(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!FullBaseImageRule.IsFullImage(image, out _))
        {
            return [];
        }

        var colon = image.LastIndexOf(':');
        var (name, tag) = colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
        if (tag == "latest")
        {
            return [name + ":slim"];
        }

        if (Codenames.Contains(tag))
        {
            return [$"{name}:{tag}-slim"];
        }

        var dash = tag.LastIndexOf('-');
        return dash > 0 && Codenames.Contains(tag[(dash + 1)..])
            ? [$"{name}:{tag[..dash]}-slim-{tag[(dash + 1)..]}", $"{name}:{tag[..dash]}-slim"]
            : [$"{name}:{tag}-slim"];
    }

    /// <inheritdoc/>
    public DockerfileRewriteResult? Apply(DockerfileRewriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stage = context.Rules.TargetStage;
        while (stage?.BaseStageIndex is { } parent)
        {
            stage = context.Document.Stages[parent];
        }

        if (!context.Document.IsValid || stage is null || stage.BaseImageAsWritten.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        var slim = SlimVariants(stage.BaseImage).FirstOrDefault(context.Options.MayUseBase);
        var from = stage.Instructions[0];
        var line = context.Lines[from.StartLine];
        var at = line.IndexOf(stage.BaseImageAsWritten, StringComparison.Ordinal);
        if (slim is null || from.EndLine != from.StartLine || at < 0)
        {
            return null;
        }

        var rewritten = line[..at] + slim + line[(at + stage.BaseImageAsWritten.Length)..];
        return context.Result([(from.StartLine, from.StartLine, rewritten + context.Lines.Ending(from.StartLine))]);
    }
}
