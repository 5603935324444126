using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>Adds <c>--no-cache-dir</c> to every <c>pip install</c> that would leave its wheels in the layer: the fix for DL3042.</summary>
public sealed class PipNoCacheDirRewrite : CommandOptionRewrite
{
    /// <inheritdoc/>
    public override string Id => "pip-no-cache-dir";

    /// <inheritdoc/>
    public override string Title => "pip install --no-cache-dir";

    /// <inheritdoc/>
    public override IReadOnlyList<string> RuleIds => ["DL3042"];

    /// <inheritdoc/>
    protected override string Option => " --no-cache-dir";

    /// <inheritdoc/>
    protected override string HeadPattern => @"(?<!\buv{WS})(?:pip[0-9.]*|python[0-9.]*(?:{WS}-[^\s\\`m][^\s\\`]*)*{WS}-m{WS}pip)(?:{WS}-[^\s\\`]+)*{WS}install";

    /// <inheritdoc/>
    protected override bool IsHead(ShellCommand command) => PackageCaches.IsPipInstall(command);

    /// <inheritdoc/>
    protected override bool Needs(DockerfileRewriteContext context, DockerfileInstruction run, ShellCommand command) =>
        PackageCaches.Pip.LeavesCache(context.Rules, run, command);
}
