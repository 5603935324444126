namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>IL010: a base image without a tag, or tagged <c>latest</c> (not for <c>scratch</c>, earlier stages, or digests).</summary>
public sealed class UnpinnedBaseImageRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "IL010";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var stage in context.Document.Stages)
        {
            var image = stage.BaseImage;
            if (stage.BaseStageIndex is not null || image.Length == 0 || image.Contains('$', StringComparison.Ordinal)
                || string.Equals(image, "scratch", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var reference = ImageReference.Parse(image);
            if (reference.Digest is not null || (reference.Tag is not null && reference.Tag != "latest"))
            {
                continue;
            }

            var how = reference.Tag is null ? "has no tag, which means 'latest'" : "is tagged 'latest'";
            yield return new Finding(
                Id,
                FindingSeverity.Warning,
                stage.StartLine,
                $"The base image {image} on line {stage.StartLine} {how}: it changes under you from one build to the next, and so do the image's size and contents, which makes iterations impossible to compare.",
                $"Pin a version tag, preferably a small variant (for example {reference.Repository}:<version>-slim), or a digest ({reference.Repository}@sha256:...).",
                FindingCategories.BaseImage);
        }
    }
}
