namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>IL009: ADD of a URL (the download stays in a layer) or of a local archive (ADD unpacks tar files silently, copies zip files as they are).</summary>
public sealed class AddUrlOrArchiveRule : IDockerfileRule
{
    private static readonly string[] TarExtensions = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst"];

    /// <inheritdoc/>
    public string Id => "IL009";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var add in context.InstructionsOf("ADD"))
        {
            var (sources, destination) = CopyArguments.Read(add, context.Document.Directives.Escape);
            foreach (var source in sources)
            {
                var lower = source.ToLowerInvariant();
                if (lower.StartsWith("http://", StringComparison.Ordinal) || lower.StartsWith("https://", StringComparison.Ordinal) || lower.StartsWith("ftp://", StringComparison.Ordinal))
                {
                    if (lower.Contains(".git#", StringComparison.Ordinal) || lower.EndsWith(".git", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    yield return new Finding(
                        Id,
                        context.SeverityFor(add, FindingSeverity.Warning),
                        add.StartLine,
                        $"ADD on line {add.StartLine} downloads {source} into its own layer; if a later RUN unpacks or deletes it, the downloaded bytes still stay in the image.{context.StageNote(add)}",
                        "Download, unpack and delete in a single RUN (e.g. curl -fsSL <url> | tar -xz -C /opt), or keep ADD only for a file you need as-is and pin it with --checksum.",
                        FindingCategories.Layers);
                }
                else if (TarExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
                {
                    yield return new Finding(
                        Id,
                        FindingSeverity.Info,
                        add.StartLine,
                        $"ADD on line {add.StartLine} unpacks the local archive {source} into {destination ?? "the destination"} implicitly, which readers easily mistake for a plain copy.",
                        "Say what you mean: COPY the archive if it should stay packed, or unpack it with RUN --mount=type=bind,source=... tar -x ... so the archive never becomes a layer.",
                        FindingCategories.Layers);
                }
                else if (lower.EndsWith(".zip", StringComparison.Ordinal))
                {
                    yield return new Finding(
                        Id,
                        context.SeverityFor(add, FindingSeverity.Warning),
                        add.StartLine,
                        $"ADD on line {add.StartLine} copies the zip file {source} as it is (ADD only unpacks tar archives); unpacking it in a later RUN keeps both the zip and its contents in the image.{context.StageNote(add)}",
                        "Unpack it in one step without storing it: RUN --mount=type=bind,source=" + source + ",target=/tmp/archive.zip unzip /tmp/archive.zip -d <dir>.",
                        FindingCategories.Layers);
                }
            }
        }
    }
}
