namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>Adds <c>--no-install-recommends</c> to every <c>apt-get install</c> (also behind <c>xargs</c>) that lacks it: the fix for DL3015.</summary>
public sealed class AptNoInstallRecommendsRewrite : CommandOptionRewrite
{
    /// <inheritdoc/>
    public override string Id => "apt-no-install-recommends";

    /// <inheritdoc/>
    public override string Title => "apt-get install --no-install-recommends";

    /// <inheritdoc/>
    public override IReadOnlyList<string> RuleIds => ["DL3015"];

    /// <inheritdoc/>
    protected override string Option => " --no-install-recommends";

    /// <inheritdoc/>
    protected override string HeadPattern => @"apt(?:-get)?(?:{WS}-[^\s\\`]+)*{WS}install";

    /// <inheritdoc/>
    protected override bool IsHead(ShellCommand command) => command.IsAny("apt-get", "apt") && command.HasSubcommand("install");

    /// <inheritdoc/>
    protected override bool Needs(DockerfileRewriteContext context, DockerfileInstruction run, ShellCommand command) =>
        !command.HasOption("no-install-recommends")
        && !command.Arguments.Any(a => a.Contains("Install-Recommends", StringComparison.OrdinalIgnoreCase));
}
