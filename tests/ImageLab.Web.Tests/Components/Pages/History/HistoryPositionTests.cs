using ImageLab.Core.Experiments;
using ImageLab.Web.Components.Pages.History;

namespace ImageLab.Web.Tests.Components.Pages.History;

public class HistoryPositionTests
{
    [Fact]
    public void Describe_TwoPagesDownAndOneUp_CountsItsSteps()
    {
        // Act
        var position = HistoryPosition.Newest.Older(shown: 20, next: 20).Older(shown: 20, next: 20).Newer(shown: 20, next: 20);

        // Assert
        Assert.Equal("21–40 of 10,000+", position.Describe(PageOf(20, 10_000, lowerBound: true)));
    }

    [Fact]
    public void Describe_OldestPageOfACountedHistory_RowsNumberedFromTheNewest()
    {
        // Act
        var text = HistoryPosition.Oldest.Describe(PageOf(20, 45, lowerBound: false));

        // Assert
        Assert.Equal("26–45 of 45", text);
    }

    [Fact]
    public void Describe_OldestPagesOfAHistoryTooLongToCount_RowsNumberedFromTheOldest()
    {
        // Act
        var oldest = HistoryPosition.Oldest.Describe(PageOf(20, 10_000, lowerBound: true));
        var above = HistoryPosition.Oldest.Newer(shown: 20, next: 20).Describe(PageOf(20, 10_000, lowerBound: true));

        // Assert
        Assert.Equal("1–20 from the oldest of 10,000+", oldest);
        Assert.Equal("21–40 from the oldest of 10,000+", above);
    }

    [Fact]
    public void Describe_NoRows_ZeroOfTheTotal()
    {
        // Act
        var text = HistoryPosition.Newest.Describe(PageOf(0, 0, lowerBound: false));

        // Assert
        Assert.Equal("0 of 0", text);
    }

    private static Page<ExperimentSummary> PageOf(int rows, long total, bool lowerBound) =>
        new(Enumerable.Range(1, rows).Select(i => new ExperimentSummary(
            i, $"e{i}", "api", "ada", ExperimentStatus.Succeeded, DateTimeOffset.UnixEpoch.AddMinutes(i), 1, null, null, null)).ToList(), 0, 20, total)
        {
            TotalIsLowerBound = lowerBound,
        };
}
