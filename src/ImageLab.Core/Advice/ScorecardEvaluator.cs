using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rules;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
using ImageLab.Core.Layers.Internal;

namespace ImageLab.Core.Advice;

/// <summary>Decides each question of <see cref="LessonScorecard"/>; only what ends up in the final image counts against it.</summary>
internal sealed class ScorecardEvaluator
{
    // Below this, toolchain paths in the image's own layers are stray headers, not a compiler.
    private const long ToolchainNoiseBytes = 1_000_000;

    private static readonly string[] SmallBaseMarkers = ["slim", "alpine", "distroless", "chiseled", "busybox", "minimal", "micro", "chainguard", "wolfi"];
    private static readonly string[] NoCacheRules = ["DL3042", "IL007", "DL3019"];
    private static readonly string[] SameLayerRules = ["DL3059", "DL3009", "DL3032", "DL3036", "DL3040", "DL3060", "IL006"];
    private static readonly string[] PackageCachePatterns = [WastePatternIds.PipCache, WastePatternIds.UvCache, WastePatternIds.ApkCache, WastePatternIds.NpmCache];

    private readonly DockerfileAnalysis _analysis;
    private readonly IReadOnlyList<LayerDetails> _layers;
    private readonly IReadOnlyList<LayerWaste> _waste;
    private readonly DockerfileAdvisorOptions _options;
    private readonly DockerfileRuleContext _context;
    private readonly InstructionLayers _map;
    private readonly DockerfileStage? _final;
    private readonly DockerfileStage? _root;

    public ScorecardEvaluator(DockerfileAnalysis analysis, IReadOnlyList<LayerDetails> layers, IReadOnlyList<LayerWaste> waste, DockerfileAdvisorOptions options)
    {
        _analysis = analysis;
        _layers = layers;
        _waste = waste;
        _options = options;
        _context = new DockerfileRuleContext(analysis.Document, options);
        _map = new InstructionLayers(analysis.Document, layers, options.Target);
        _final = _context.TargetStage;
        _root = _context.FinalImageStages.FirstOrDefault();
    }

    private DockerfileDocument Document => _analysis.Document;

    public ScorecardAnswer Answer(LessonQuestion question)
    {
        if (_final is null || _root is null)
        {
            return new ScorecardAnswer(question, ScoreOutcome.NotApplicable, "The Dockerfile has no FROM, so there is no image to score.");
        }

        return question switch
        {
            LessonQuestion.MultiStage => MultiStage(),
            LessonQuestion.CopiesOnlyWhatItNeeds => CopiesOnlyWhatItNeeds(),
            LessonQuestion.NoCacheOptions => NoCacheOptions(),
            LessonQuestion.SmallFinalBase => SmallFinalBase(),
            LessonQuestion.CombinedRunsCleanCaches => CombinedRunsCleanCaches(),
            LessonQuestion.LargeFilesMounted => LargeFilesMounted(),
            LessonQuestion.NoBuildToolchain => NoBuildToolchain(),
            _ => throw new ArgumentOutOfRangeException(nameof(question), question, null),
        };
    }

    private ScorecardAnswer MultiStage()
    {
        var count = Document.Stages.Count;
        return count >= 2
            ? Pass(LessonQuestion.MultiStage, $"{count} stages: the image is built from stage '{_final!.DisplayName}' on line {_final.StartLine}.", line: _final.StartLine)
            : Fail(LessonQuestion.MultiStage, "A single stage: whatever the build needs ships in the image.", line: _final!.StartLine);
    }

    private ScorecardAnswer CopiesOnlyWhatItNeeds()
    {
        const LessonQuestion question = LessonQuestion.CopiesOnlyWhatItNeeds;
        if (Document.Stages.Count < 2)
        {
            return NotApplicable(question, "A single stage has no builder to copy from.");
        }

        if (FindingsInImage("IL003").FirstOrDefault() is { } whole)
        {
            return Fail(question, $"Line {whole.Line} copies a builder's whole filesystem (COPY --from=... / /).", whole.BytesAtStake, whole.Line);
        }

        if (_root != _final)
        {
            return Fail(question, $"The final stage starts FROM '{_root!.DisplayName}' (line {_final!.StartLine}), so it keeps everything that stage installed.", line: _final.StartLine);
        }

        var copies = _final!.Instructions.Where(i => i.Keyword == "COPY" && i.GetFlag("from") is not null).ToList();
        if (copies.Count == 0)
        {
            return Pass(question, "The final stage copies nothing from other stages.");
        }

        var lines = string.Join(", ", copies.Select(c => c.StartLine));
        var bytes = SumSizes(copies);
        var measured = bytes is { } size ? $", {ByteFormatter.Format(size)} in all" : "";
        return Pass(question, $"The final stage copies chosen paths from other stages (line{(copies.Count > 1 ? "s" : "")} {lines}{measured}).", bytes, copies[0].StartLine);
    }

    private ScorecardAnswer NoCacheOptions()
    {
        const LessonQuestion question = LessonQuestion.NoCacheOptions;
        var failing = FindingsInImage(NoCacheRules).ToList();
        if (failing.Count > 0)
        {
            return FailWith(question, failing, "A package manager keeps its download cache");
        }

        if (OwnWaste(PackageCachePatterns).ToList() is { Count: > 0 } measured)
        {
            return Fail(question, $"Measured: {Describe(measured)} left in the image.", measured.Sum(w => w.Bytes), LineOf(measured[0]));
        }

        var builder = _analysis.Findings.Where(f => NoCacheRules.Contains(f.RuleId)).ToList();
        var note = builder.Count > 0
            ? $" {(builder.Count > 1 ? "Lines" : "Line")} {string.Join(", ", builder.Select(f => f.Line))} {(builder.Count > 1 ? "keep" : "keeps")} a cache only in a builder stage, which the image does not carry."
            : "";
        return Pass(question, "No package manager leaves its cache in the final image." + note);
    }

    private ScorecardAnswer SmallFinalBase()
    {
        const LessonQuestion question = LessonQuestion.SmallFinalBase;
        var image = _root!.BaseImage;
        var bytes = _map.SizeOf(_root.Instructions[0]);
        var measured = bytes is { } size ? $"; its layers hold {ByteFormatter.Format(size)}" : "";
        if (image.Contains('$', StringComparison.Ordinal) || image.Length == 0)
        {
            return NotApplicable(question, $"The final base '{_root.BaseImageAsWritten}' depends on a build argument without a default.", _root.StartLine);
        }

        return IsSmallBase(image)
            ? Pass(question, $"The final image starts from {image}{measured}.", bytes, _root.StartLine)
            : Fail(question, $"The final image starts from {image}, which is not a slim, alpine, distroless, chiseled or scratch image{measured}.", bytes, _root.StartLine);
    }

    private ScorecardAnswer CombinedRunsCleanCaches()
    {
        const LessonQuestion question = LessonQuestion.CombinedRunsCleanCaches;
        var failing = FindingsInImage(SameLayerRules).ToList();
        return failing.Count > 0
            ? FailWith(question, failing, "RUN steps could be merged, or leave a cache that the same RUN should remove,")
            : Pass(question, "Every RUN in the final image cleans up after itself and none could simply be merged with the one before it.");
    }

    private ScorecardAnswer LargeFilesMounted()
    {
        const LessonQuestion question = LessonQuestion.LargeFilesMounted;
        var threshold = _options.LargeFileThresholdBytes;
        var failing = FindingsInImage("IL005").Where(f => f.Severity >= FindingSeverity.Warning).ToList();
        if (failing.Count > 0)
        {
            return FailWith(question, failing, "A large file is copied into the image");
        }

        var largeCopies = FinalImageInstructions()
            .Where(i => i.Keyword is "COPY" or "ADD" && i.GetFlag("from") is null && _map.SizeOf(i) >= threshold)
            .ToList();
        if (largeCopies.Count > 0)
        {
            var first = largeCopies[0];
            return Fail(question, $"Line {first.StartLine} copies {ByteFormatter.Format(_map.SizeOf(first)!.Value)} from the build context into the image; mount large files as volumes instead.", SumSizes(largeCopies), first.StartLine);
        }

        if (OwnWaste(WastePatternIds.LargeFile).ToList() is { Count: > 0 } measured)
        {
            return Fail(question, $"Measured: {Describe(measured)} baked into the image.", measured.Sum(w => w.Bytes), LineOf(measured[0]));
        }

        if (!_map.IsMeasured && FindingsInImage("IL005").FirstOrDefault() is { } suspect)
        {
            return NotApplicable(question, $"Line {suspect.Line} copies what looks like model weights; their size is known once the iteration is built.", suspect.Line);
        }

        return Pass(question, _map.IsMeasured
            ? $"No layer copied from the build context reaches {ByteFormatter.Format(threshold)}."
            : "Nothing copied into the image is known to be large.");
    }

    private ScorecardAnswer NoBuildToolchain()
    {
        const LessonQuestion question = LessonQuestion.NoBuildToolchain;
        var failing = FindingsInImage("IL001").ToList();
        if (failing.Count > 0)
        {
            return FailWith(question, failing, "Build tools are installed in the final image");
        }

        if (FullBaseImageRule.IsFullImage(_root!.BaseImage, out var isLanguageImage) && isLanguageImage)
        {
            var baseIndexes = _map.LayersOf(_root.Instructions[0]).Select(l => l.Index).ToHashSet();
            var inBase = _waste.Where(w => w.PatternId == WastePatternIds.BuildToolchain && baseIndexes.Contains(w.LayerIndex)).ToList();
            var measured = inBase.Count > 0 ? $" (measured: {ByteFormatter.Format(inBase.Sum(w => w.Bytes))} of toolchain in its layers)" : "";
            return Fail(question, $"{_root.BaseImage} is a full image that ships compilers and headers{measured}.", inBase.Count > 0 ? inBase.Sum(w => w.Bytes) : null, _root.StartLine);
        }

        if (OwnWaste(WastePatternIds.BuildToolchain).ToList() is { } own && own.Sum(w => w.Bytes) >= ToolchainNoiseBytes)
        {
            return Fail(question, $"Measured: {Describe(own)} in the image's own layers.", own.Sum(w => w.Bytes), LineOf(own[0]));
        }

        return Pass(question, "No compiler or development package is installed in the final image.");
    }

    private IEnumerable<DockerfileInstruction> FinalImageInstructions() => _context.FinalImageStages.SelectMany(s => s.Instructions);

    private IEnumerable<Finding> FindingsInImage(params string[] ruleIds) =>
        _analysis.Findings.Where(f => ruleIds.Contains(f.RuleId) && _map.InstructionAt(f.Line) is { } i && _context.IsInFinalImage(i.StageIndex));

    private IEnumerable<LayerWaste> OwnWaste(params string[] patternIds)
    {
        var own = _layers.Where(l => !l.FromBaseImage).Select(l => l.Index).ToHashSet();
        return _waste.Where(w => w.Bytes > 0 && own.Contains(w.LayerIndex) && patternIds.Contains(w.PatternId));
    }

    private int? LineOf(LayerWaste waste) => _layers.FirstOrDefault(l => l.Index == waste.LayerIndex)?.Line;

    private long? SumSizes(IEnumerable<DockerfileInstruction> instructions)
    {
        var sizes = instructions.Select(_map.SizeOf).Where(s => s is not null).ToList();
        return sizes.Count == 0 ? null : sizes.Sum();
    }

    private static string Describe(IEnumerable<LayerWaste> waste) =>
        string.Join("; ", waste.GroupBy(w => w.PatternId).Select(g =>
            $"{WasteLabels.Label(g.Key)} {ByteFormatter.Format(g.Sum(w => w.Bytes))} in layer{(g.Count() > 1 ? "s" : "")} {string.Join(", ", g.Select(w => w.LayerIndex).Distinct().Order())}"));

    private static bool IsSmallBase(string image)
    {
        var reference = ImageReference.Parse(image);
        if (reference.Repository == "scratch")
        {
            return true;
        }

        var text = $"{reference.Registry}/{reference.Repository}:{reference.Tag}".ToLowerInvariant();
        return SmallBaseMarkers.Any(m => text.Contains(m, StringComparison.Ordinal));
    }

    private static ScorecardAnswer FailWith(LessonQuestion question, List<Finding> failing, string what)
    {
        var lines = failing.Select(f => f.Line).Distinct().Order().ToList();
        // Several rules may measure the same instruction's layer: count each line once.
        var perLine = failing.Where(f => f.BytesAtStake is not null).GroupBy(f => f.Line).Select(g => g.Max(f => f.BytesAtStake!.Value)).ToList();
        var bytes = perLine.Count == 0 ? (long?)null : perLine.Sum();
        var measured = bytes is { } size ? $", {ByteFormatter.Format(size)} measured" : "";
        var rules = string.Join(", ", failing.Select(f => f.RuleId).Distinct());
        return Fail(question, $"{what} on line{(lines.Count > 1 ? "s" : "")} {string.Join(", ", lines)} ({rules}){measured}.", bytes, lines[0]);
    }

    private static ScorecardAnswer Pass(LessonQuestion question, string reason, long? bytes = null, int? line = null) =>
        new(question, ScoreOutcome.Pass, reason, bytes, line);

    private static ScorecardAnswer Fail(LessonQuestion question, string reason, long? bytes = null, int? line = null) =>
        new(question, ScoreOutcome.Fail, reason, bytes, line);

    private static ScorecardAnswer NotApplicable(LessonQuestion question, string reason, int? line = null) =>
        new(question, ScoreOutcome.NotApplicable, reason, null, line);
}
