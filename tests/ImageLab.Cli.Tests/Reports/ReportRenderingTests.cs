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
        Assert.Contains("- `DL3042` naive, line 5 (12 MB at stake): pip keeps its cache.", markdown, StringComparison.Ordinal);
        Assert.Contains("[Open experiment 2 in ImageLab](http://imagelab.test/experiments/2)", markdown, StringComparison.Ordinal);
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
}
