using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// The <c>docker run -v</c> option that puts a context file back where a COPY put it in the image, mounted from the
/// folder it sits in (<c>models/weights.bin</c> taken by <c>COPY . /app</c>: <c>-v ./models:/app/models</c>); a file at
/// the context root is mounted alone. A relative destination is resolved against the stage's WORKDIR.
/// </summary>
internal static class WeightsMount
{
    public static string For(DockerfileRewriteContext context, DockerfileInstruction copy, IReadOnlyList<string> sources, string? destination, string path)
    {
        var target = destination ?? ".";
        var folder = target.StartsWith('/') ? target : Join(WorkdirAt(context, copy), target);
        var name = path[(path.LastIndexOf('/') + 1)..];
        var source = sources.Select(CopyArguments.Normalize).FirstOrDefault(s => s == "." || s == path || path.StartsWith(s + "/", StringComparison.Ordinal));
        var inImage = source switch
        {
            "." => Join(folder, path),
            null => Join(folder, name),
            _ when source == path => target.EndsWith('/') || sources.Count > 1 ? Join(folder, name) : folder,
            _ => Join(folder, path[(source.Length + 1)..]),
        };
        var slash = path.LastIndexOf('/');
        return slash < 0 || !inImage.EndsWith("/" + name, StringComparison.Ordinal)
            ? $"-v ./{path}:{inImage}"
            : $"-v ./{path[..slash]}:{inImage[..^(name.Length + 1)]}";
    }

    // The WORKDIR in effect at the COPY: its stage's, after those of the stages it is based on.
    private static string WorkdirAt(DockerfileRewriteContext context, DockerfileInstruction copy)
    {
        var chain = new List<DockerfileStage>();
        for (var stage = context.Document.Stages[copy.StageIndex]; stage is not null; stage = stage.BaseStageIndex is { } parent ? context.Document.Stages[parent] : null)
        {
            if (chain.Contains(stage))
            {
                break;
            }

            chain.Insert(0, stage);
        }

        var workdir = "/";
        foreach (var instruction in chain.SelectMany(s => s.Instructions).Where(i => i.Keyword == "WORKDIR" && (i.StageIndex != copy.StageIndex || i.StartLine < copy.StartLine)))
        {
            var value = instruction.Arguments.Trim().Trim('"');
            workdir = value.StartsWith('/') ? value : Join(workdir, value);
        }

        return workdir;
    }

    private static string Join(string folder, string path)
    {
        var tail = path == "." ? "" : path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path.TrimStart('/');
        var joined = folder.TrimEnd('/') + "/" + tail;
        return joined.Length > 1 ? joined.TrimEnd('/') : joined;
    }
}
