using ImageLab.Core.Formatting;

namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>IL004: <c>COPY . .</c> (or <c>ADD . .</c>) when the build context has no <c>.dockerignore</c>; needs the context's file list.</summary>
public sealed class CopyContextWithoutDockerignoreRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "IL004";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Options.ContextFiles;
        if (files is null || files.Any(f => IsDockerignore(f.Path)))
        {
            yield break;
        }

        foreach (var copy in context.Document.Stages.SelectMany(s => s.Instructions).Where(i => i.Keyword is "COPY" or "ADD"))
        {
            if (copy.GetFlag("from") is not null)
            {
                continue;
            }

            var (sources, _) = CopyArguments.Read(copy, context.Document.Directives.Escape);
            if (!sources.Any(s => CopyArguments.Normalize(s) == "."))
            {
                continue;
            }

            yield return new Finding(
                Id,
                context.SeverityFor(copy, FindingSeverity.Warning),
                copy.StartLine,
                $"{copy.Keyword} on line {copy.StartLine} copies the whole build context ({files.Count} files, {ByteSize.Format(files.Sum(f => f.SizeBytes))}) and the context has no .dockerignore, so .git, local environments, caches and any large or secret file end up in the image.{context.StageNote(copy)}",
                "Add a .dockerignore (.git, __pycache__, .venv, node_modules, *.log, model files...) or copy only the files the service needs.",
                FindingCategories.Context);
        }
    }

    private static bool IsDockerignore(string path)
    {
        var normalized = CopyArguments.Normalize(path);
        return !normalized.Contains('/', StringComparison.Ordinal) && normalized.EndsWith(".dockerignore", StringComparison.Ordinal);
    }
}
