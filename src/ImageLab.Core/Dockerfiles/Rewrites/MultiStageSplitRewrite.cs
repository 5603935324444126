using System.Text;
using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Splits a single-stage build that installs or uses a toolchain into a builder stage and a runtime stage: the fix for
/// IL001. The builder is the original stage up to its last build step; the runtime is the original stage, every line
/// kept, with the build steps replaced by copies of what they made: a virtual environment for <c>pip install</c> (the
/// builder creates <c>/opt/venv</c>, puts it first on PATH and, after the build steps, removes the environment's own
/// pip, setuptools and wheel that no package requires, and its activate scripts), the compile steps' output paths otherwise. When a build
/// step's output cannot be told (a compiler writing into <c>/</c>), the rewrite does not apply. A stage that runs npm is
/// split as <see cref="NpmStageSplit"/> says (the app directory with its production <c>node_modules</c>), or not at all.
/// </summary>
public sealed class MultiStageSplitRewrite : IDockerfileRewrite
{
    /// <summary>The rewrite's id.</summary>
    public const string RewriteId = "multi-stage-split";

    private const string Venv = "/opt/venv";
    private const string VenvPath = "ENV PATH=\"/opt/venv/bin:$PATH\"";

    // The virtual environment brings its own pip (and setuptools before Python 3.12), build tooling the runtime stage
    // would otherwise copy, often more bytes than the packages: each goes unless an installed package requires it. The
    // activation scripts go too: the runtime stage puts the environment on PATH itself.
    private static string StripVenvTools(char escape, string newline) => string.Join(newline,
        "# The runtime copies the environment without what built it: pip, setuptools and wheel (unless a package requires them) and the activate scripts.",
        $"RUN for tool in wheel setuptools pip; do {escape}",
        $"      {Venv}/bin/python -m pip show \"$tool\" 2>/dev/null | grep -q '^Required-by: .' {escape}",
        $"        || {Venv}/bin/python -m pip uninstall -q -y \"$tool\"; {escape}",
        $"    done {escape}",
        $" && rm -f {Venv}/bin/activate {Venv}/bin/activate.* {Venv}/bin/Activate.ps1") + newline;

    /// <inheritdoc/>
    public string Id => RewriteId;

    /// <inheritdoc/>
    public string Title => "Builder stage for the toolchain";

    /// <inheritdoc/>
    public IReadOnlyList<string> RuleIds => ["IL001"];

    /// <inheritdoc/>
    public DockerfileRewriteResult? Apply(DockerfileRewriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Document.IsValid || context.Document.Stages.Count != 1 || !context.EditableRuns().Any())
        {
            return null;
        }

        var stage = context.Document.Stages[0];
        var runs = stage.Instructions.Where(i => i.Keyword == "RUN").ToList();
        if (runs.Any(r => r.IsExecForm || r.Heredocs.Count > 0))
        {
            return null;
        }

        var split = NpmStageSplit.UsesNpm(context, runs) ? NpmStageSplit.Plan(context, stage, runs) : ToolchainSplit(context, stage, runs);
        return split is null ? null : Write(context, stage, split);
    }

    // The compile steps' outputs, or the virtual environment pip installs into.
    private static StageSplit? ToolchainSplit(DockerfileRewriteContext context, DockerfileStage stage, List<DockerfileInstruction> runs)
    {
        var firstTool = runs.FindIndex(r => IsBuildStep(context, r));
        if (firstTool < 0)
        {
            return null;
        }

        var pip = runs.Skip(firstTool).Where(r => context.Rules.GetCommands(r).Any(PackageCaches.IsPipInstall)).ToList();
        var steps = runs.Skip(firstTool).Where(r => IsBuildStep(context, r) || pip.Contains(r)).ToList();
        var copies = new Dictionary<DockerfileInstruction, string>();
        foreach (var step in steps)
        {
            var copy = pip.Count > 0 ? PipCopy(context, step, pip) : CompileCopy(context, stage, step);
            if (copy is null)
            {
                return null;
            }

            copies[step] = copy;
        }

        var newline = context.Lines.Newline;
        return pip.Count == 0
            ? new StageSplit(copies, steps[^1])
            : new StageSplit(copies, steps[^1], StripVenvTools(context.Escape, newline), (pip[0], $"RUN python3 -m venv {Venv}{newline}{VenvPath}{newline}"));
    }

    private static DockerfileRewriteResult Write(DockerfileRewriteContext context, DockerfileStage stage, StageSplit split)
    {
        var builderName = stage.Name == "builder" ? "build" : "builder";
        var builder = Builder(context, stage, split, builderName);
        var runtime = Runtime(context, stage, split.Replacements.ToDictionary(c => c.Key, c => c.Value.Replace("{builder}", builderName, StringComparison.Ordinal)));
        var text = context.Lines.Raw(1, stage.StartLine - 1) + builder + context.Lines.Newline + runtime
            + (stage.EndLine < context.Lines.Count ? context.Lines.Raw(stage.EndLine + 1, context.Lines.Count) : "");
        var changed = split.Replacements.Keys.SelectMany(s => Enumerable.Range(s.StartLine, s.EndLine - s.StartLine + 1)).ToHashSet();
        return new DockerfileRewriteResult(text, split.Replacements.Keys.Min(s => s.StartLine), changed);
    }

    private static bool IsBuildStep(DockerfileRewriteContext context, DockerfileInstruction run)
    {
        var commands = context.Rules.GetCommands(run);
        return BuildArtifacts.InstallsToolchain(commands) || commands.Any(BuildArtifacts.Compiles);
    }

    // The first pip RUN becomes the copy of the virtual environment; every other build step goes.
    private static string PipCopy(DockerfileRewriteContext context, DockerfileInstruction step, List<DockerfileInstruction> pip)
    {
        var newline = context.Lines.Newline;
        return step == pip[0] ? $"COPY --from={{builder}} {Venv} {Venv}{newline}{VenvPath}{newline}" : "";
    }

    private static string? CompileCopy(DockerfileRewriteContext context, DockerfileStage stage, DockerfileInstruction step)
    {
        var outputs = BuildArtifacts.Outputs(context.Rules.GetCommands(step), BuildArtifacts.WorkdirAt(stage, step)).Distinct().ToList();
        if (outputs.Contains("/"))
        {
            return null;
        }

        return string.Concat(outputs.Select(o => $"COPY --from={{builder}} {o} {o}{context.Lines.Newline}"));
    }

    private static string Builder(DockerfileRewriteContext context, DockerfileStage stage, StageSplit split, string name)
    {
        var newline = context.Lines.Newline;
        var text = new StringBuilder($"FROM {stage.BaseImageAsWritten} AS {name}{newline}");
        for (var line = stage.Instructions[0].EndLine + 1; line <= split.LastStep.EndLine; line++)
        {
            if (split.BuilderInsertion is { } insertion && line == insertion.Before.StartLine)
            {
                text.Append(insertion.Text);
            }

            text.Append(context.Lines[line]).Append(context.Lines.Ending(line).Length > 0 ? context.Lines.Ending(line) : newline);
        }

        return text.Append(split.BuilderTail).ToString();
    }

    private static string Runtime(DockerfileRewriteContext context, DockerfileStage stage, Dictionary<DockerfileInstruction, string> copies)
    {
        var text = new StringBuilder();
        var line = stage.StartLine;
        while (line <= stage.EndLine)
        {
            var step = copies.Keys.FirstOrDefault(s => s.StartLine == line);
            if (step is not null)
            {
                text.Append(copies[step]);
                line = step.EndLine + 1;
                continue;
            }

            text.Append(context.Lines[line]).Append(context.Lines.Ending(line));
            line++;
        }

        return text.ToString();
    }
}
