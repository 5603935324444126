using System.Text.RegularExpressions;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Whether a file of a stage is a program the stage links statically, so that it runs in an image with nothing else: a C
/// or C++ link with <c>-static</c> (on the compiler, or in the same RUN's <c>LDFLAGS</c>/<c>CFLAGS</c>), <c>go build</c>
/// with <c>CGO_ENABLED=0</c> (inline, exported or ENV), <c>cargo build --target *-musl</c>. A plain link of C sources
/// (<c>gcc -o hello hello.c</c>) can be made static where it is named: Debian's libc6-dev ships <c>libc.a</c> (and libm,
/// libpthread, librt); anything that links other libraries, or C++, is left alone.
/// </summary>
internal static class StaticPrograms
{
    private static readonly string[] CCompilers = ["gcc", "cc", "clang"];
    private static readonly HashSet<string> LibcArchives = new(StringComparer.Ordinal) { "-lm", "-lpthread", "-lrt" };
    private static readonly HashSet<string> NotALink = new(StringComparer.Ordinal) { "-c", "-S", "-E", "-shared", "-r", "-nostdlib", "-static", "-static-pie" };

    /// <summary>
    /// Whether the last RUN of <paramref name="stage"/> that compiles <paramref name="path"/> (absolute) links it
    /// statically (<paramref name="edit"/> null) or is a plain C link that <paramref name="edit"/> makes static.
    /// </summary>
    public static bool TryFind(DockerfileRewriteContext context, DockerfileStage stage, string path, out StaticLinkEdit? edit)
    {
        edit = null;
        foreach (var run in stage.Instructions.Where(i => i.Keyword == "RUN").Reverse())
        {
            var commands = context.Rules.GetCommands(run);
            var workdir = BuildArtifacts.WorkdirAt(stage, run);
            var compile = commands.Where(BuildArtifacts.Compiles).LastOrDefault(c => Writes(c, workdir, path));
            if (compile is null)
            {
                continue;
            }

            if (LinksStatically(stage, run, commands, compile))
            {
                return true;
            }

            edit = MakeStatic(context, run, compile);
            return edit is not null;
        }

        return false;
    }

    // A compiler's or go's -o names the file; make, ninja, cmake and a go build without -o write under the working
    // directory, cargo under its target folder. The working directory "/" claims nothing: a config file is not a program.
    private static bool Writes(ShellCommand command, string workdir, string path)
    {
        if (command.GetOptionValue(null, 'o') is { Length: > 0 } output && !command.IsAny("make", "ninja"))
        {
            return BuildArtifacts.Resolve(workdir, output) == path;
        }

        var folder = command.Is("cargo") && command.GetOptionValue("target") is { Length: > 0 } target
            ? BuildArtifacts.Resolve(workdir, "target/" + target)
            : BuildArtifacts.Outputs([command], workdir).Single();
        return folder != "/" && path.StartsWith(folder + "/", StringComparison.Ordinal);
    }

    private static bool LinksStatically(DockerfileStage stage, DockerfileInstruction run, IReadOnlyList<ShellCommand> commands, ShellCommand compile)
    {
        if (compile.Is("go"))
        {
            return CgoDisabled(stage, run, commands, compile);
        }

        if (compile.Is("cargo"))
        {
            return compile.GetOptionValue("target")?.EndsWith("-musl", StringComparison.Ordinal) == true;
        }

        return compile.Arguments.Any(IsStaticFlag)
            || commands.SelectMany(c => c.Words).Any(w => (w.StartsWith("LDFLAGS=", StringComparison.Ordinal) || w.StartsWith("CFLAGS=", StringComparison.Ordinal))
                && w[(w.IndexOf('=', StringComparison.Ordinal) + 1)..].Split(' ', '\t').Any(IsStaticFlag));
    }

    private static bool IsStaticFlag(string word) => word is "-static" or "-static-pie";

    // CGO_ENABLED=0 on the command, set earlier in the RUN (export or a bare assignment), or by the stage's last ENV before it.
    private static bool CgoDisabled(DockerfileStage stage, DockerfileInstruction run, IReadOnlyList<ShellCommand> commands, ShellCommand compile)
    {
        const string Disabled = "CGO_ENABLED=0";
        if (compile.Assignments.Any(a => a.StartsWith("CGO_ENABLED=", StringComparison.Ordinal)))
        {
            return compile.Assignments.Last(a => a.StartsWith("CGO_ENABLED=", StringComparison.Ordinal)) == Disabled;
        }

        var earlier = commands.TakeWhile(c => c != compile).Where(c => c.Name is null || c.Is("export")).SelectMany(c => c.Words)
            .LastOrDefault(w => w.StartsWith("CGO_ENABLED=", StringComparison.Ordinal));
        if (earlier is not null)
        {
            return earlier == Disabled;
        }

        return stage.Instructions.TakeWhile(i => i.StartLine < run.StartLine).Where(i => i.Keyword == "ENV")
            .SelectMany(i => i.Definitions).LastOrDefault(d => d.Name == "CGO_ENABLED")?.Value == "0";
    }

    // Only a link of C sources against libc alone, in a RUN the rewrites may edit, whose compiler is named once with its
    // first argument on the same line: anything else is not made static.
    private static StaticLinkEdit? MakeStatic(DockerfileRewriteContext context, DockerfileInstruction run, ShellCommand compile)
    {
        var output = compile.GetOptionValue(null, 'o');
        var sources = compile.Operands.ToList();
        sources.Remove(output ?? "");
        if (!compile.IsAny(CCompilers) || output is null || sources.Count == 0 || !sources.All(s => s.EndsWith(".c", StringComparison.Ordinal))
            || compile.Arguments.Any(a => NotALink.Contains(a) || (a.StartsWith("-l", StringComparison.Ordinal) && !LibcArchives.Contains(a)))
            || !context.EditableRuns().Contains(run))
        {
            return null;
        }

        var name = new Regex($@"(?<![^\s;&|(]){Regex.Escape(compile.Name!)}(?=[ \t]+{Regex.Escape(compile.Arguments[0])}(?:[ \t;&|)]|$))", RegexOptions.None, TimeSpan.FromSeconds(1));
        var found = Enumerable.Range(run.StartLine, run.EndLine - run.StartLine + 1)
            .SelectMany(line => name.Matches(context.Lines[line]).Select(m => new StaticLinkEdit(line, m.Index + m.Length)))
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
