using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// The multi-stage split of a Node build, for a stage that installs its project's dependencies with the dev ones and
/// then runs an npm script, or that installs a toolchain (for native modules): the builder runs every npm, npx, node and
/// toolchain step and then prunes the dev dependencies; the runtime has, instead of those steps and of the COPYs into
/// the app directory before the last of them, one copy of the builder's app directory (with the COPYs' <c>--chown</c>).
/// npm's cache and the toolchain stay in the builder. Anything it cannot be sure of (several WORKDIRs, npm in another
/// directory, a global install, another RUN among the steps, compilers or pip beside npm) leaves the stage alone.
/// </summary>
internal static class NpmStageSplit
{
    // What the builder writes outside the app directory: an app directory holding one of them would copy it to the runtime.
    private static readonly string[] BuilderOnlyPaths =
        ["/usr/bin", "/usr/lib", "/usr/include", "/usr/share", "/usr/local/bin", "/usr/local/lib", "/etc", "/var/lib", "/var/cache", "/opt", "/root/.npm"];

    /// <summary>Whether a RUN runs npm or npx: the split of such a stage is this one, or none.</summary>
    public static bool UsesNpm(DockerfileRewriteContext context, IEnumerable<DockerfileInstruction> runs) =>
        runs.SelectMany(context.Rules.GetCommands).Any(c => c.IsAny("npm", "npx"));

    /// <summary>The split of <paramref name="stage"/>, whose RUNs are <paramref name="runs"/>, or <see langword="null"/> when it does not apply or is unsure.</summary>
    public static StageSplit? Plan(DockerfileRewriteContext context, DockerfileStage stage, IReadOnlyList<DockerfileInstruction> runs)
    {
        var steps = runs.Where(r => IsNodeStep(context, r) || BuildArtifacts.InstallsToolchain(context.Rules.GetCommands(r))).ToList();
        var nodeSteps = steps.Where(r => IsNodeStep(context, r) || UsesNpm(context, [r])).ToList();
        if (nodeSteps.Count == 0 || !IsSafe(context, runs, steps) || !NeedsSplit(context, steps) || AppDirectory(stage, nodeSteps[0]) is not { } app)
        {
            return null;
        }

        var last = steps[^1];
        var copies = CopiesInto(context, stage, app, last);
        if (copies is null || !SameChown(stage, copies, last, out var chown))
        {
            return null;
        }

        var runtimeSide = copies.Concat(nodeSteps).OrderBy(i => i.StartLine).ToList();
        if (runs.Any(r => !steps.Contains(r) && r.StartLine > runtimeSide[0].StartLine && r.StartLine < last.StartLine))
        {
            return null;
        }

        var newline = context.Lines.Newline;
        var replacements = steps.Concat(copies).ToDictionary(i => i, _ => "");
        replacements[runtimeSide[0]] = $"COPY --from={{builder}}{(chown is null ? "" : $" --chown={chown}")} {app} {app}{newline}";
        return new StageSplit(replacements, last, $"RUN npm prune --omit=dev{newline}");
    }

    // A RUN of npm, npx and node commands only.
    private static bool IsNodeStep(DockerfileRewriteContext context, DockerfileInstruction run) =>
        context.Rules.GetCommands(run) is { Count: > 0 } commands && commands.All(c => c.IsAny("npm", "npx", "node"));

    // Every npm RUN is a step, npm works in the WORKDIR on the project's own dependencies, and nothing else builds.
    private static bool IsSafe(DockerfileRewriteContext context, IReadOnlyList<DockerfileInstruction> runs, List<DockerfileInstruction> steps)
    {
        var commands = runs.SelectMany(context.Rules.GetCommands).ToList();
        return !runs.Any(r => !steps.Contains(r) && UsesNpm(context, [r]))
            && !commands.Any(c => BuildArtifacts.Compiles(c) || PackageCaches.IsPipInstall(c) || c.Is("cd"))
            && !commands.Any(c => c.Is("npm") && (c.HasOption("prefix") || c.HasOption("workspace", 'w') || c.HasOption("global", 'g')))
            && !commands.Any(c => NpmCommands.IsInstall(c) && !NpmCommands.InstallsProject(c));
    }

    // Installs the dev dependencies and runs a script after, or installs a toolchain.
    private static bool NeedsSplit(DockerfileRewriteContext context, List<DockerfileInstruction> steps)
    {
        var install = steps.FirstOrDefault(r => context.Rules.GetCommands(r).Any(NpmCommands.InstallsProject));
        if (install is null)
        {
            return false;
        }

        var devInstall = steps.SelectMany(context.Rules.GetCommands).Any(c => NpmCommands.InstallsProject(c) && NpmCommands.KeepsDevDependencies(c));
        return (devInstall && NpmCommands.RunsScriptsFrom(context, install)) || steps.Any(r => BuildArtifacts.InstallsToolchain(context.Rules.GetCommands(r)));
    }

    // The stage's only WORKDIR, a plain path set before the first npm step that holds none of the builder's own paths.
    private static string? AppDirectory(DockerfileStage stage, DockerfileInstruction firstNodeStep)
    {
        var workdirs = stage.Instructions.Where(i => i.Keyword == "WORKDIR").ToList();
        if (workdirs.Count != 1 || workdirs[0].StartLine > firstNodeStep.StartLine || !IsPlainPath(workdirs[0].Arguments.Trim()))
        {
            return null;
        }

        var app = BuildArtifacts.WorkdirAt(stage, firstNodeStep);
        return app == "/" || BuilderOnlyPaths.Any(p => IsWithin(p, app)) ? null : app;
    }

    // The COPY and ADD instructions before the last step that write into the app directory; null when one's destination is unclear.
    private static List<DockerfileInstruction>? CopiesInto(DockerfileRewriteContext context, DockerfileStage stage, string app, DockerfileInstruction last)
    {
        var copies = new List<DockerfileInstruction>();
        foreach (var copy in stage.Instructions.Where(i => i.Keyword is "COPY" or "ADD" && i.StartLine < last.StartLine))
        {
            var destination = CopyArguments.Read(copy, context.Escape).Destination;
            if (destination is null || copy.Heredocs.Count > 0 || !IsPlainPath(destination))
            {
                return null;
            }

            if (IsWithin(BuildArtifacts.Resolve(BuildArtifacts.WorkdirAt(stage, copy), destination), app))
            {
                copies.Add(copy);
            }
        }

        return copies;
    }

    // The copies' one --chown (or none), their only flag; a USER before the last step needs it, or the app's owner would change.
    private static bool SameChown(DockerfileStage stage, List<DockerfileInstruction> copies, DockerfileInstruction last, out string? chown)
    {
        var owners = copies.Select(c => c.GetFlag("chown")?.Value).Distinct().ToList();
        chown = owners.Count == 1 ? owners[0] : null;
        var user = stage.Instructions.Any(i => i.Keyword == "USER" && i.StartLine < last.StartLine);
        return owners.Count <= 1 && copies.All(c => c.Flags.All(f => f.Name == "chown")) && (chown is not null || !user);
    }

    private static bool IsPlainPath(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '@' or '+');

    private static bool IsWithin(string path, string directory) =>
        path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
}
