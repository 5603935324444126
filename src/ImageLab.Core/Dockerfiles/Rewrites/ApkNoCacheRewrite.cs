using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>Adds <c>--no-cache</c> to every <c>apk add</c> that lacks it: the fix for DL3019.</summary>
public sealed class ApkNoCacheRewrite : CommandOptionRewrite
{
    /// <inheritdoc/>
    public override string Id => "apk-no-cache";

    /// <inheritdoc/>
    public override string Title => "apk add --no-cache";

    /// <inheritdoc/>
    public override IReadOnlyList<string> RuleIds => ["DL3019"];

    /// <inheritdoc/>
    protected override string Option => " --no-cache";

    /// <inheritdoc/>
    protected override string HeadPattern => @"apk(?:{WS}-[^\s\\`]+)*{WS}add";

    /// <inheritdoc/>
    protected override bool IsHead(ShellCommand command) => command.Is("apk") && command.HasSubcommand("add");

    /// <inheritdoc/>
    protected override bool Needs(DockerfileRewriteContext context, DockerfileInstruction run, ShellCommand command) =>
        !command.HasOption("no-cache") && !DockerfileRuleContext.HasCacheMount(run, PackageCaches.Apk.Paths);
}
