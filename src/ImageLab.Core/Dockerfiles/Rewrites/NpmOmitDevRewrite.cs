namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Adds <c>--omit=dev</c> to <c>npm ci</c> and to a bare <c>npm install</c> in a stage that reaches the image and never
/// runs an npm script or npx afterwards (a build step needs the dev dependencies, and so does a builder stage).
/// </summary>
public sealed class NpmOmitDevRewrite : CommandOptionRewrite
{
    /// <inheritdoc/>
    public override string Id => "npm-omit-dev";

    /// <inheritdoc/>
    public override string Title => "npm ci --omit=dev";

    /// <inheritdoc/>
    public override IReadOnlyList<string> RuleIds => [];

    /// <inheritdoc/>
    protected override string Option => " --omit=dev";

    /// <inheritdoc/>
    protected override string HeadPattern => @"npm(?:{WS}-[^\s\\`]+)*{WS}(?:ci|install|i)";

    /// <inheritdoc/>
    protected override bool IsHead(ShellCommand command) => NpmCommands.IsInstall(command);

    /// <inheritdoc/>
    protected override bool Needs(DockerfileRewriteContext context, DockerfileInstruction run, ShellCommand command) =>
        context.Rules.IsInFinalImage(run.StageIndex)
        && NpmCommands.InstallsProject(command)
        && NpmCommands.KeepsDevDependencies(command)
        && !NpmCommands.RunsScriptsFrom(context, run);
}
