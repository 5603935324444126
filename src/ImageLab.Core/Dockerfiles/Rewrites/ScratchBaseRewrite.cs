using System.Text.RegularExpressions;
using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Bases the final image on <c>scratch</c> when all it holds are statically linked programs copied from a builder stage
/// (and plain files from the context): it runs nothing (no RUN, SHELL, ONBUILD, or HEALTHCHECK but NONE: there is no
/// shell), starts a copied program with an exec-form ENTRYPOINT or CMD, and names no user or group (numeric USER and
/// <c>--chown</c> only: there is no <c>/etc/passwd</c>). A plain C link in the builder (<c>gcc -o hello hello.c</c>)
/// gets <c>-static</c>; other dynamic programs keep their base. Where the stage names <c>root</c>, <c>nonroot</c> or
/// <c>nobody</c>, distroless static (which has those users) is used instead, when it is on the engine or allowed. Scratch
/// needs no image, so this goes before the slim base and wins over it; it is meant for the multi-stage split's runtime.
/// </summary>
public sealed partial class ScratchBaseRewrite : IDockerfileRewrite
{
    /// <summary>The rewrite's id.</summary>
    public const string RewriteId = "scratch-base";

    /// <summary>The distroless base for static programs, with <c>/etc/passwd</c> (root, nonroot, nobody) and CA certificates.</summary>
    public const string DistrolessStatic = "gcr.io/distroless/static-debian12";

    private static readonly string[] PathFolders = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
    private static readonly HashSet<string> DistrolessUsers = new(StringComparer.Ordinal) { "root", "nonroot", "nobody" };
    private static readonly HashSet<string> WithoutShell = new(StringComparer.Ordinal)
    {
        "ARG", "ENV", "LABEL", "MAINTAINER", "EXPOSE", "VOLUME", "STOPSIGNAL", "WORKDIR", "USER", "COPY", "ADD", "CMD", "ENTRYPOINT",
    };

    /// <inheritdoc/>
    public string Id => RewriteId;

    /// <inheritdoc/>
    public string Title => "Scratch final base for static programs";

    /// <inheritdoc/>
    public IReadOnlyList<string> RuleIds => ["IL002"];

    /// <inheritdoc/>
    public IReadOnlyList<string> Prerequisites => [MultiStageSplitRewrite.RewriteId];

    /// <inheritdoc/>
    public DockerfileRewriteResult? Apply(DockerfileRewriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stage = context.Rules.TargetStage;
        if (!context.Document.IsValid || stage is null || stage.BaseStageIndex is not null || IsMinimal(stage.BaseImage)
            || stage.BaseImageAsWritten.Contains('$', StringComparison.Ordinal) || !stage.Instructions.Skip(1).All(RunsWithoutShell))
        {
            return null;
        }

        var edits = new List<StaticLinkEdit>();
        var programs = new List<string>();
        foreach (var copy in stage.Instructions.Where(i => i.Keyword == "COPY" && i.GetFlag("from") is not null))
        {
            if (context.Document.FindStage(copy.GetFlag("from")!.Value ?? "", stage.Index) is not { } builder
                || CopiedPrograms(context, stage, builder, copy, edits) is not { } copied)
            {
                return null;
            }

            programs.AddRange(copied);
        }

        var names = UserNames(stage).ToList();
        var image = names.Count == 0 ? "scratch" : names.All(DistrolessUsers.Contains) && context.Options.MayUseBase(DistrolessStatic) ? DistrolessStatic : null;
        var from = stage.Instructions[0];
        var at = context.Lines[from.StartLine].IndexOf(stage.BaseImageAsWritten, StringComparison.Ordinal);
        if (image is null || !StartsACopiedProgram(stage, programs) || from.EndLine != from.StartLine || at < 0)
        {
            return null;
        }

        var line = context.Lines[from.StartLine];
        var replacements = edits.Distinct().GroupBy(e => e.Line)
            .Select(g => (g.Key, g.Key, g.OrderByDescending(e => e.Column).Aggregate(context.Lines[g.Key], (text, e) => text.Insert(e.Column, " -static")) + context.Lines.Ending(g.Key)))
            .Append((from.StartLine, from.StartLine, line[..at] + image + line[(at + stage.BaseImageAsWritten.Length)..] + context.Lines.Ending(from.StartLine)))
            .ToList();
        return context.Result(replacements);
    }

    private static bool IsMinimal(string image) =>
        string.Equals(image, "scratch", StringComparison.OrdinalIgnoreCase) || image.StartsWith("gcr.io/distroless/", StringComparison.Ordinal);

    private static bool RunsWithoutShell(DockerfileInstruction instruction) =>
        (WithoutShell.Contains(instruction.Keyword) && (instruction.Keyword is not ("CMD" or "ENTRYPOINT") || instruction.ExecForm is { Count: > 0 }))
        || (instruction.Keyword == "HEALTHCHECK" && instruction.Arguments.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase));

    // The absolute paths the COPY writes in the final stage, when every source is a program the builder links statically
    // (or can: the edits that make it so are added); null otherwise.
    private static List<string>? CopiedPrograms(DockerfileRewriteContext context, DockerfileStage stage, DockerfileStage builder, DockerfileInstruction copy, List<StaticLinkEdit> edits)
    {
        var (sources, destination) = CopyArguments.Read(copy, context.Escape);
        if (destination is null || sources.Count == 0)
        {
            return null;
        }

        var workdir = BuildArtifacts.WorkdirAt(stage, copy);
        var folder = sources.Count > 1 || destination.EndsWith('/') || destination is "." or "./";
        var programs = new List<string>();
        foreach (var source in sources)
        {
            // COPY --from reads its sources from the root of the stage, not its working directory.
            var path = BuildArtifacts.Resolve("/", source);
            if (!StaticPrograms.TryFind(context, builder, path, out var edit))
            {
                return null;
            }

            if (edit is not null)
            {
                edits.Add(edit);
            }

            var written = BuildArtifacts.Resolve(workdir, destination);
            programs.Add(folder ? (written == "/" ? "" : written) + path[path.LastIndexOf('/')..] : written);
        }

        return programs;
    }

    // The program the container starts is the ENTRYPOINT's first word, else the CMD's; a bare name is looked up in the
    // folders of the default PATH, as the engine does.
    private static bool StartsACopiedProgram(DockerfileStage stage, List<string> programs)
    {
        var start = stage.Instructions.LastOrDefault(i => i.Keyword == "ENTRYPOINT") ?? stage.Instructions.LastOrDefault(i => i.Keyword == "CMD");
        if (start?.ExecForm is not [var first, ..] || first.Length == 0)
        {
            return false;
        }

        return first.Contains('/', StringComparison.Ordinal)
            ? programs.Contains(BuildArtifacts.Resolve(BuildArtifacts.WorkdirAt(stage, start), first))
            : PathFolders.Any(folder => programs.Contains(folder + "/" + first));
    }

    // The user and group names the stage's USER and --chown flags use (numeric ids need no /etc/passwd).
    private static IEnumerable<string> UserNames(DockerfileStage stage) =>
        stage.Instructions
            .Select(i => i.Keyword == "USER" ? i.Arguments.Trim() : i.GetFlag("chown")?.Value)
            .OfType<string>()
            .SelectMany(owner => owner.Split(':'))
            .Where(name => !NumericId().IsMatch(name));

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex NumericId();
}
