namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>
/// IL002: the final stage is based on the full variant of a well-known image (<c>python:3.12</c>, <c>node:22</c>,
/// <c>golang:1.23</c>...) where a slim, alpine, distroless or chiseled variant exists.
/// </summary>
public sealed class FullBaseImageRule : IDockerfileRule
{
    private static readonly HashSet<string> LanguageFamilies = new(StringComparer.Ordinal)
    {
        "python", "node", "golang", "ruby", "openjdk", "eclipse-temurin", "php", "perl", "rust", "gcc",
        "buildpack-deps", "maven", "gradle", "elixir", "erlang", "haskell", "dotnet/sdk",
    };

    private static readonly HashSet<string> DistroFamilies = new(StringComparer.Ordinal) { "debian", "ubuntu" };

    private static readonly string[] SmallMarkers = ["slim", "alpine", "distroless", "chiseled", "minimal", "busybox", "scratch"];

    /// <inheritdoc/>
    public string Id => "IL002";

    /// <summary>Whether <paramref name="image"/> is the full variant of a known family; <paramref name="isLanguageImage"/> tells a language image from a distribution.</summary>
    public static bool IsFullImage(string image, out bool isLanguageImage)
    {
        ArgumentNullException.ThrowIfNull(image);
        isLanguageImage = false;
        if (image.Contains('$', StringComparison.Ordinal) || image.Length == 0)
        {
            return false;
        }

        var reference = ImageReference.Parse(image);
        var repository = reference.Registry == "mcr.microsoft.com" ? reference.Repository : reference.Registry is null ? reference.Repository : "";
        isLanguageImage = LanguageFamilies.Contains(repository);
        if (!isLanguageImage && !DistroFamilies.Contains(repository))
        {
            return false;
        }

        var tag = reference.Tag?.ToLowerInvariant() ?? "";
        return !SmallMarkers.Any(m => tag.Contains(m, StringComparison.Ordinal));
    }

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stage = context.TargetStage;
        while (stage?.BaseStageIndex is { } parent)
        {
            stage = context.Document.Stages[parent];
        }

        if (stage is null || !IsFullImage(stage.BaseImage, out var isLanguageImage))
        {
            yield break;
        }

        var reference = ImageReference.Parse(stage.BaseImage);
        var slim = reference.Repository == "dotnet/sdk"
            ? "mcr.microsoft.com/dotnet/runtime or aspnet (a -chiseled tag is smallest)"
            : reference.Repository == "ubuntu"
                ? "a chiseled or distroless image"
                : $"{reference.Repository}:{(reference.Tag is null or "latest" ? "<version>" : reference.Tag)}-slim or -alpine";
        yield return new Finding(
            Id,
            isLanguageImage ? FindingSeverity.Warning : FindingSeverity.Info,
            stage.StartLine,
            isLanguageImage
                ? $"The final image is based on {stage.BaseImage}, the full variant, which carries compilers, headers and tools (often close to 1 GB) the service does not need at run time."
                : $"The final image is based on {stage.BaseImage}, a full distribution image with tools the service likely does not need at run time.",
            $"Base the final stage on {slim}; if something must be compiled, do it in a builder stage.",
            FindingCategories.BaseImage);
    }
}
