namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>IL003: the final stage copies a builder's whole filesystem (<c>COPY --from=builder / /</c>), undoing the point of a multi-stage build.</summary>
public sealed class CopyWholeFilesystemRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "IL003";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var stage in context.FinalImageStages)
        {
            foreach (var copy in stage.Instructions.Where(i => i.Keyword == "COPY"))
            {
                if (copy.GetFlag("from")?.Value is not { Length: > 0 } from)
                {
                    continue;
                }

                var (sources, _) = CopyArguments.Read(copy, context.Document.Directives.Escape);
                if (!sources.Any(s => s.Replace('\\', '/').TrimEnd('*', '.').TrimEnd('/').Length == 0 && s.StartsWith('/')))
                {
                    continue;
                }

                yield return new Finding(
                    Id,
                    FindingSeverity.Warning,
                    copy.StartLine,
                    $"COPY --from={from} on line {copy.StartLine} copies the whole filesystem of '{from}' into the final image, build tools, caches and all, so the multi-stage build saves nothing.",
                    "Copy only the artifacts the service needs (a binary, a virtual environment, site-packages), e.g. COPY --from=builder /app/venv /app/venv.",
                    FindingCategories.Layers);
            }
        }
    }
}
