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
    protected override bool IsHead(ShellCommand command) => command.Is("npm") && command.HasSubcommand("ci", "install", "i");

    /// <inheritdoc/>
    protected override bool Needs(DockerfileRewriteContext context, DockerfileInstruction run, ShellCommand command) =>
        context.Rules.IsInFinalImage(run.StageIndex)
        && command.Operands.Count == 1
        && !command.HasOption("omit") && !command.HasOption("production") && !command.HasOption("only")
        && !RunsScriptsLater(context, run);

    private static bool RunsScriptsLater(DockerfileRewriteContext context, DockerfileInstruction run) =>
        context.Document.Stages[run.StageIndex].Instructions
            .Where(i => i.Keyword == "RUN" && i.StartLine >= run.StartLine)
            .SelectMany(context.Rules.GetCommands)
            .Any(c => c.Is("npx") || (c.Is("npm") && c.HasSubcommand("run", "run-script", "test", "build", "exec")));
}
