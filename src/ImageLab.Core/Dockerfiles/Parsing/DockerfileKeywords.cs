namespace ImageLab.Core.Dockerfiles.Parsing;

/// <summary>The instructions the Dockerfile frontend knows, the flags each accepts and which take a JSON form or here-documents.</summary>
internal static class DockerfileKeywords
{
    private static readonly HashSet<string> Instructions = new(StringComparer.Ordinal)
    {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
        "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    };

    private static readonly Dictionary<string, string[]> Flags = new(StringComparer.Ordinal)
    {
        ["FROM"] = ["platform"],
        ["RUN"] = ["mount", "network", "security", "device"],
        ["COPY"] = ["from", "chown", "chmod", "link", "parents", "exclude"],
        ["ADD"] = ["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"],
        ["HEALTHCHECK"] = ["interval", "timeout", "start-period", "start-interval", "retries"],
    };

    private static readonly HashSet<string> JsonCapable = new(StringComparer.Ordinal) { "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME" };
    private static readonly HashSet<string> HeredocCapable = new(StringComparer.Ordinal) { "RUN", "COPY", "ADD" };

    /// <summary>Whether <paramref name="keyword"/> (upper-cased) is a Dockerfile instruction.</summary>
    public static bool IsInstruction(string keyword) => Instructions.Contains(keyword);

    /// <summary>The flags the instruction accepts, or <see langword="null"/> when it takes none.</summary>
    public static string[]? AllowedFlags(string keyword) => Flags.GetValueOrDefault(keyword);

    public static bool TakesJsonForm(string keyword) => JsonCapable.Contains(keyword);

    public static bool TakesHeredocs(string keyword) => HeredocCapable.Contains(keyword);
}
