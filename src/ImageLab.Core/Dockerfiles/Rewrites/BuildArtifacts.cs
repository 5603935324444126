using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// What a RUN of a single-stage build does with a toolchain: whether it installs one or compiles, and the paths its
/// compile steps write (<c>gcc -o</c>, <c>go build -o</c>, the working directory of <c>make</c> or <c>cargo build</c>,
/// <c>/usr/local</c> for <c>make install</c>).
/// </summary>
internal static class BuildArtifacts
{
    private static readonly string[] Compilers = ["gcc", "cc", "g++", "c++", "clang", "clang++"];

    /// <summary>Whether the RUN installs a compiler, build tool or development package and does not remove it.</summary>
    public static bool InstallsToolchain(IReadOnlyList<ShellCommand> commands)
    {
        var removed = commands.SelectMany(PackageCaches.RemovedPackages).ToHashSet(StringComparer.Ordinal);
        return commands.SelectMany(PackageCaches.InstalledPackages).Any(p => BuildToolsInFinalImageRule.IsBuildTool(p) && !removed.Contains(p));
    }

    /// <summary>Whether the command compiles or runs a build tool.</summary>
    public static bool Compiles(ShellCommand command) =>
        command.IsAny(Compilers) || command.IsAny("make", "ninja")
        || (command.Is("cmake") && command.HasOption("build"))
        || (command.IsAny("go", "cargo") && command.HasSubcommand("build"));

    /// <summary>The absolute paths the RUN's compile steps write, resolved against <paramref name="workdir"/>.</summary>
    public static IEnumerable<string> Outputs(IReadOnlyList<ShellCommand> commands, string workdir)
    {
        foreach (var command in commands.Where(Compiles))
        {
            if (command.Is("make") && command.Operands.Contains("install"))
            {
                yield return "/usr/local";
            }
            else if (command.GetOptionValue(null, 'o') is { Length: > 0 } output && !command.IsAny("make", "ninja"))
            {
                yield return Resolve(workdir, output);
            }
            else
            {
                yield return command.Is("make") && command.GetOptionValue("directory", 'C') is { Length: > 0 } directory ? Resolve(workdir, directory) : workdir;
            }
        }
    }

    /// <summary>The working directory in effect at <paramref name="instruction"/> in its stage (<c>/</c> when no WORKDIR set it).</summary>
    public static string WorkdirAt(DockerfileStage stage, DockerfileInstruction instruction)
    {
        var workdir = "/";
        foreach (var candidate in stage.Instructions.TakeWhile(i => i.StartLine < instruction.StartLine).Where(i => i.Keyword == "WORKDIR"))
        {
            workdir = Resolve(workdir, candidate.Arguments.Trim());
        }

        return workdir;
    }

    /// <summary>
    /// <paramref name="path"/> made absolute against <paramref name="workdir"/>, without a trailing slash.
    /// </summary>
    public static string Resolve(string workdir, string path) =>
        path.StartsWith('/') ? path.TrimEnd('/') is { Length: > 0 } absolute ? absolute : "/" : (workdir.TrimEnd('/') + "/" + path.TrimStart('.', '/')).TrimEnd('/');
}
