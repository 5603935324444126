using ImageLab.Core.BuildContexts;

namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>The sources and destination of a COPY or ADD instruction (here-document sources left out).</summary>
internal static class CopyArguments
{
    public static (IReadOnlyList<string> Sources, string? Destination) Read(DockerfileInstruction instruction, char escape)
    {
        IReadOnlyList<string> words = instruction.ExecForm
            ?? DockerfileWords.SplitRaw(instruction.Arguments, escape).Select(w => DockerfileWords.Unquote(w, escape)).ToList();
        if (words.Count < 2)
        {
            return ([], words.Count == 1 ? words[0] : null);
        }

        var sources = words.Take(words.Count - 1).Where(w => !w.StartsWith("<<", StringComparison.Ordinal)).ToList();
        return (sources, words[^1]);
    }

    /// <summary>A source as a context path (<see cref="ContextPath.Clean"/>), the root written ".".</summary>
    public static string Normalize(string source) => ContextPath.Clean(source) is { Length: > 0 } path ? path : ".";
}
