namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// What an npm command does with a project's dependencies: installs all of them (<c>npm ci</c>, a bare
/// <c>npm install</c>), with or without the dev dependencies, or runs a script or package binary that may need them.
/// </summary>
internal static class NpmCommands
{
    /// <summary>Whether the command is <c>npm ci</c> or <c>npm install</c> (or <c>i</c>), with or without package names.</summary>
    public static bool IsInstall(ShellCommand command) => command.Is("npm") && command.HasSubcommand("ci", "install", "i");

    /// <summary>Whether the command installs the project's own dependencies: an install that names no package.</summary>
    public static bool InstallsProject(ShellCommand command) => IsInstall(command) && command.Operands.Count == 1;

    /// <summary>Whether the install keeps the dev dependencies (no <c>--omit</c>, <c>--production</c> or <c>--only</c>).</summary>
    public static bool KeepsDevDependencies(ShellCommand command) =>
        !command.HasOption("omit") && !command.HasOption("production") && !command.HasOption("only");

    /// <summary>Whether the command runs an npm script or a package's binary (<c>npm run build</c>, <c>npm test</c>, <c>npx</c>).</summary>
    public static bool RunsScript(ShellCommand command) =>
        command.Is("npx") || (command.Is("npm") && command.HasSubcommand("run", "run-script", "test", "build", "exec"));

    /// <summary>Whether a RUN of <paramref name="run"/>'s stage, from it on, runs an npm script or npx.</summary>
    public static bool RunsScriptsFrom(DockerfileRewriteContext context, DockerfileInstruction run) =>
        context.Document.Stages[run.StageIndex].Instructions
            .Where(i => i.Keyword == "RUN" && i.StartLine >= run.StartLine)
            .SelectMany(context.Rules.GetCommands)
            .Any(RunsScript);
}
