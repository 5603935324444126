using ImageLab.Core.Experiments;
using ImageLab.Web.Tests.Components.Fakes;
using ImageLab.Web.ViewModels;

namespace ImageLab.Web.Tests.Components.ViewModels;

public class ChartModelTests
{
    [Fact]
    public void Comparison_Ladder_ReductionsAgainstTheFirstIteration()
    {
        var model = ComparisonModel.From(Ladder.Finished().Iterations);

        Assert.True(model.Rows[0].IsBaseline);
        Assert.Null(model.Rows[0].ReductionText);
        Assert.Equal("1.17 GB → 329 MB (72% smaller)", model.Rows[1].ReductionText);
        Assert.Equal("1.17 GB → 120 MB (90% smaller)", model.Rows[2].ReductionText);
        Assert.Equal("1.17 GB → 44.1 MB (96% smaller)", model.Rows[4].ReductionText);
        Assert.Equal(100, model.Rows[0].BarPercent);
        Assert.Equal(Ladder.Cleaned * 100.0 / Ladder.Naive, model.Rows[4].BarPercent, 6);
        Assert.StartsWith("5-cleaned is the smallest: 1.17 GB → 44.1 MB (96% smaller)", model.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_Layers_CountsOwnAndBaseBytesAndFindsTheLargestOwnLayer()
    {
        var row = ComparisonModel.From(Ladder.Finished().Iterations).Rows[0];

        Assert.Equal(4, row.LayerCount);
        Assert.Equal(5, row.HistoryCount);
        Assert.Equal(84_000_000, row.BaseBytes);
        Assert.Equal(Ladder.Naive - 84_000_000, row.OwnBytes);
        Assert.Equal(3, row.LargestOwnLayer!.Index);
        var segments = row.Segments;
        Assert.Equal(4, segments.Count);
        Assert.Equal([true, true, false, false], segments.Select(s => s.IsBase));
        Assert.Single(segments, s => s.IsLargestOwn);
        Assert.Equal(100, segments.Sum(s => s.WidthPercent), 6);
        Assert.Contains("(74,000,000 bytes) · base image layer", segments[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_UnmeasuredIterations_HaveNoBarsYet()
    {
        var model = ComparisonModel.From(Ladder.Queued().Iterations);

        Assert.Empty(model.Measured);
        Assert.Equal("No iteration has been measured yet: sizes appear here as builds finish.", model.Summary);
    }

    [Fact]
    public void Trend_Points_PlacedByTimeAndSizeWithRoundTicks()
    {
        var start = Ladder.Created;
        var model = TrendChartModel.From(
        [
            new TrendPoint(3, "c", start.AddDays(2), "final", 44_000_000),
            new TrendPoint(1, "a", start, "final", 120_000_000),
            new TrendPoint(2, "b", start.AddDays(1), "final", 60_000_000),
        ]);

        Assert.Equal([1L, 2L, 3L], model.Markers.Select(m => m.Point.ExperimentId));
        Assert.Equal(TrendChartModel.Left, model.Markers[0].X, 3);
        Assert.Equal(TrendChartModel.Width - TrendChartModel.Right, model.Markers[2].X, 3);
        Assert.True(model.Markers[0].Y < model.Markers[1].Y, "the larger image is drawn higher");
        Assert.Equal(["0 B", "50 MB", "100 MB", "150 MB", "200 MB"], model.SizeTicks.Select(t => t.Label));
        Assert.StartsWith("M", model.LinePath, StringComparison.Ordinal);
        Assert.Contains("120 MB (120,000,000 bytes)", model.Markers[0].Title, StringComparison.Ordinal);
    }
}
