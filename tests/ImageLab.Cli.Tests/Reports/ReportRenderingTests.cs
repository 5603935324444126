using ImageLab.Cli.Output;
using ImageLab.Core.Experiments;
using ImageLab.Core.Reports;

namespace ImageLab.Cli.Tests.Reports;

public sealed class ReportRenderingTests
{
    private static ExperimentReport Ladder()
    {
        var baseline = SampleReports.Experiment(1, ("naive", 1_000_000_000, IterationStatus.Succeeded), ("slim", 300_000_000, IterationStatus.Succeeded));
        var current = SampleReports.Experiment(2, ("naive", 1_000_000_000, IterationStatus.Succeeded), ("slim", 330_000_000, IterationStatus.Succeeded), ("multistage", 120_000_000, IterationStatus.Succeeded));
        current = current with { Iterations = [.. current.Iterations.Select(i => i.Name == "slim" ? i with { CompressedSizeBytes = 110_000_000 } : i)] };
        return new ReportBuilder().Build(current, baseline, "labelled branch=main", new Uri("http://imagelab.test/experiments/2"));
    }

    [Fact]
    public void Build_Ladder_ReductionAgainstFirstAndChangeAgainstBaselineByName()
    {
        var report = Ladder();

        Assert.Equal([null, 67.0, 88.0], report.Iterations.Select(i => i.ReductionPercent));
        Assert.Equal([0.0, 10.0, null], report.Iterations.Select(i => i.ChangeFromBaselinePercent));
        Assert.Equal(1, report.Baseline!.ExperimentId);
        Assert.All(report.Iterations, i => Assert.Equal(new ReportLayer(1, "RUN pip install -r requirements.txt", 5, 40_000_000), i.LargestOwnLayer));
    }

    [Fact]
    public void Render_Markdown_TableWithPushSizeArrowsLayerFindingsAndLink()
    {
        var markdown = MarkdownReportRenderer.Render(Ladder());

        Assert.Contains("| iteration | size | push size | vs first | vs baseline | largest own layer |", markdown, StringComparison.Ordinal);
        Assert.Contains("| naive | 1 GB | — | — | = 0% | 40 MB `RUN pip install -r requirements.txt` (line 5) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| slim | 330 MB | 110 MB | 67% smaller | ▲ +10% (was 300 MB) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| multistage | 120 MB | — | 88% smaller | — |", markdown, StringComparison.Ordinal);
        Assert.Contains("Baseline: experiment 1 “exp 1”", markdown, StringComparison.Ordinal);
        Assert.Contains("- `DL3042` naive, line 5 (12 MB at stake, estimate): pip keeps its cache.", markdown, StringComparison.Ordinal);
        Assert.Contains("[Open experiment 2 in ImageLab](http://imagelab.test/experiments/2)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FindingASuggestionProved_SaysMeasuredNotAtStake()
    {
        // Arrange: a suggestion from the naive iteration measured pip-no-cache-dir (the fix for DL3042) at 9.5 MB.
        var experiment = SampleReports.Experiment(2, ("naive", 1_000_000_000, IterationStatus.Succeeded), ("slim", 330_000_000, IterationStatus.Succeeded));
        var naive = experiment.Iterations[0];
        var suggested = SampleReports.Iteration(99, 3, "naive suggested", 990_500_000) with
        {
            SuggestedFrom = naive.Id,
            Transformations = [new TransformationDetails("pip-no-cache-dir", "pip without its cache", 5, TransformationStatus.Measured, 9_500_000, null, [])],
        };
        experiment = experiment with { Iterations = [.. experiment.Iterations, suggested] };

        // Act
        var report = new ReportBuilder().Build(experiment, null, null, null);
        var markdown = MarkdownReportRenderer.Render(report);

        // Assert: the naive finding carries the measured bytes; the slim one, not proved, stays an estimate.
        Assert.Equal(9_500_000, report.TopFindings.Single(f => f.Iteration == "naive").MeasuredSavingBytes);
        Assert.Null(report.TopFindings.Single(f => f.Iteration == "slim").MeasuredSavingBytes);
        Assert.Contains("- `DL3042` naive, line 5 (−9.5 MB measured by a suggested build): pip keeps its cache.", markdown, StringComparison.Ordinal);
        Assert.Contains("- `DL3042` slim, line 5 (12 MB at stake, estimate): pip keeps its cache.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparedPairs_WithAndWithoutBaseline_MatchByNameElseLastAgainstFirst()
    {
        var baseline = SampleReports.Experiment(1, ("naive", 1_000_000_000, IterationStatus.Succeeded), ("slim", 300_000_000, IterationStatus.Succeeded));
        var current = SampleReports.Experiment(2, ("naive", 1_000_000_000, IterationStatus.Succeeded), ("slim", 330_000_000, IterationStatus.Succeeded), ("multistage", 120_000_000, IterationStatus.Succeeded));

        var withBaseline = ReportBuilder.ComparedPairs(current, baseline);
        var withoutBaseline = ReportBuilder.ComparedPairs(current, null);

        Assert.Equal([("naive", "naive"), ("slim", "slim")], withBaseline.Select(p => (p.Iteration.Name, p.ComparedWith.Name)));
        Assert.Equal(baseline.Iterations[1].Id, withBaseline[1].ComparedWith.Id);
        Assert.Equal([("multistage", "naive")], withoutBaseline.Select(p => (p.Iteration.Name, p.ComparedWith.Name)));
    }

    [Fact]
    public void Render_SizeCauses_LeadWithTheStepAndWhatExplainsIt()
    {
        var report = Ladder() with
        {
            SizeCauses = [new ReportSizeCause("slim", "baseline slim", 30_000_000, "line 14 `COPY . .`", "/app/node_modules/.cache", 29_500_000)],
        };

        var markdown = MarkdownReportRenderer.Render(report);
        var table = ReportTable.Render(report);

        Assert.Contains("**Why the size changed**", markdown, StringComparison.Ordinal);
        Assert.Contains("- **+30 MB** slim vs baseline slim: line 14 `COPY . .` — `/app/node_modules/.cache` +29.5 MB", markdown, StringComparison.Ordinal);
        Assert.Contains("slim vs baseline slim: +30 MB: line 14 `COPY . .` (/app/node_modules/.cache +29.5 MB)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SizeCauseStepWithBackticksAndPipes_CodeSpansShownAsWrittenOutsideTheTable()
    {
        // Arrange: an edited step whose RUN line pipes into tee, and a detail path with a backtick and a pipe in its name.
        var report = Ladder() with
        {
            SizeCauses = [new ReportSizeCause("slim", "naive", 12_000_000, "line 9 `RUN make | tee log` (changed from `RUN make`)", "/app/`odd|name`", 11_000_000)],
        };

        // Act
        var markdown = MarkdownReportRenderer.Render(report);

        // Assert: a list item is no table cell, so its pipes need no backslash (one would show inside code).
        Assert.Contains(
            "- **+12 MB** slim vs naive: line 9 `RUN make | tee log` (changed from `RUN make`) — `` /app/`odd|name` `` +11 MB\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkdownWithoutBaselineOrPushSizes_OmitsThoseColumns()
    {
        var report = new ReportBuilder().Build(SampleReports.Experiment(3, ("naive", 900_000_000, IterationStatus.Succeeded), ("slim", null, IterationStatus.Failed)), null, null, null);

        var markdown = MarkdownReportRenderer.Render(report);

        Assert.Contains("| iteration | size | vs first | largest own layer |", markdown, StringComparison.Ordinal);
        Assert.Contains("| slim (failed) | — | — |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Baseline:", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AutoBaselineNotFound_SaysSoInWords()
    {
        var current = SampleReports.Experiment(2, ("slim", 330_000_000, IterationStatus.Succeeded));
        const string none = "Experiment 2 has no baseline: no earlier succeeded experiment of shop is labelled branch=main.";
        var report = new ReportBuilder().Build(current, null, null, null) with { NoBaseline = none };

        var markdown = MarkdownReportRenderer.Render(report);
        var table = ReportTable.Render(report);

        Assert.Contains("\n" + none + "\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("vs baseline", markdown, StringComparison.Ordinal);
        Assert.Contains(none + "\n", table, StringComparison.Ordinal);
    }

    [Fact]
    public void FinalPair_FinalByNameElsePositionElseTheBaselinesFinalSucceeded()
    {
        var baseline = SampleReports.Experiment(1, ("naive", 1_000_000_000, IterationStatus.Succeeded), ("slim", 300_000_000, IterationStatus.Succeeded), ("alpine", 0, IterationStatus.Failed));
        // The renamed final sits where the baseline's failed alpine does: the baseline's final succeeded one stands in.
        var renamed = SampleReports.Experiment(2, ("naive", 1_000_000_000, IterationStatus.Succeeded), ("small", 200_000_000, IterationStatus.Succeeded), ("distroless", 90_000_000, IterationStatus.Succeeded));
        var same = SampleReports.Experiment(3, ("slim", 280_000_000, IterationStatus.Succeeded), ("naive", 990_000_000, IterationStatus.Succeeded), ("tiny", 0, IterationStatus.Failed));

        var (finalOfRenamed, againstRenamed) = ReportBuilder.FinalPair(renamed, baseline)!.Value;
        var (finalOfSame, againstSame) = ReportBuilder.FinalPair(same, baseline)!.Value;

        Assert.Equal(("distroless", "slim"), (finalOfRenamed.Name, againstRenamed.Name));
        Assert.Equal(("naive", "naive"), (finalOfSame.Name, againstSame.Name));
        Assert.Null(ReportBuilder.FinalPair(SampleReports.Experiment(4, ("x", 0, IterationStatus.Failed)), baseline));
    }

    [Fact]
    public void Render_Csv_HeaderAndOneQuotedRowPerIteration()
    {
        var csv = CsvReportRenderer.Render(Ladder()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(CsvReportRenderer.Header, csv[0]);
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("2,slim,2,Succeeded,330000000,110000000,67,1,300000000,10,,,,40000000,RUN pip install -r requirements.txt,", csv[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Table_ShowsArrowAndBaseline()
    {
        var table = ReportTable.Render(Ladder());

        Assert.Contains("Baseline: experiment 1 \"exp 1\" (labelled branch=main)", table, StringComparison.Ordinal);
        Assert.Contains("▲ +10%", table, StringComparison.Ordinal);
        Assert.Contains("-67%", table, StringComparison.Ordinal);
    }
    private static ExperimentReport Hostile()
    {
        // What a member can put in a report: iteration names (Dockerfile file names), build errors, RUN lines.
        var experiment = SampleReports.Experiment(3, ("=HYPERLINK(\"http://evil.test\")", 100, IterationStatus.Failed), ("<img src=x onerror=alert(1)>|`x`|[a](http://evil.test)", 50, IterationStatus.Succeeded));
        var report = new ReportBuilder().Build(experiment, null, null, null);
        return report with
        {
            Iterations =
            [
                report.Iterations[0] with { Error = "-2+3 @SUM(A1) <b>bold</b> | pipe" },
                report.Iterations[1] with { LargestOwnLayer = report.Iterations[1].LargestOwnLayer! with { Instruction = "RUN echo `id` | tee <x>" } },
            ],
        };
    }

    [Fact]
    public void Render_MarkdownWithHostileText_PipesBackticksLinksAndHtmlEscaped()
    {
        var markdown = MarkdownReportRenderer.Render(Hostile());
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();

        Assert.Contains("| &lt;img src=x onerror=alert(1)&gt;\\|\\`x\\`\\|\\[a\\](http://evil.test) | ", markdown, StringComparison.Ordinal);
        Assert.Contains("``RUN echo `id` \\| tee <x>``", markdown, StringComparison.Ordinal);
        Assert.Contains(": -2+3 @\u2060SUM(A1) &lt;b&gt;bold&lt;/b&gt; \\| pipe", markdown, StringComparison.Ordinal); // no mention of user SUM
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
        var columns = rows[0].Count(c => c == '|');
        Assert.All(rows, row => Assert.Equal(columns, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|')));
    }

    [Fact]
    public void Render_CsvWithFormulaLikeText_CellsNeutralisedNumbersKept()
    {
        var csv = CsvReportRenderer.Render(Hostile()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("3,\"'=HYPERLINK(\"\"http://evil.test\"\")\",1,Failed,100,", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",'-2+3 @SUM(A1) <b>bold</b> | pipe", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("3,<img src=x onerror=alert(1)>|`x`|[a](http://evil.test),2,Succeeded,50,", csv[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ServerTextWithTerminalControls_PrintedWithoutThem()
    {
        // Arrange: an iteration named with an OSC 52 clipboard write, a colour, a bell and a bidi override.
        var output = new StringWriter();
        var console = new CliConsole(output, new StringWriter(), _ => null, "/");
        var name = "a\u001b]52;c;ZWNobyBoaQ==\u0007b\u001b[31mred\u009b2J\u202Eevil\u0008";
        var report = new ReportBuilder().Build(SampleReports.Experiment(4, (name, 100, IterationStatus.Succeeded)), null, null, null);

        // Act
        console.Out.Write(ReportTable.Render(report));
        console.Out.WriteLine(name);
        console.Error.Write(name);

        // Assert
        var printed = output.ToString();
        Assert.Contains("a]52;c;ZWNobyBoaQ==b[31mred2Jevil\n", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(printed, c => c is '\u001b' or '\u0007' or '\u009b' or '\u202E' or '\u0008');
    }
}
