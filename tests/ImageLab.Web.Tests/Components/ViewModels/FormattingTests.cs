using ImageLab.Web.Formatting;
using ImageLab.Web.ViewModels;

namespace ImageLab.Web.Tests.Components.ViewModels;

public class FormattingTests
{
    [Fact]
    public void Describe_SmallerIteration_WritesTheLessonsSentence() =>
        Assert.Equal("1.17 GB → 329 MB (72% smaller)", Reduction.Describe(1_171_234_567, 329_456_789));

    [Fact]
    public void Describe_LargerIteration_SaysLarger() =>
        Assert.Equal("100 MB → 105 MB (5% larger)", Reduction.Describe(100_000_000, 105_000_000));

    [Fact]
    public void Describe_NearlyAllRemoved_NeverAHundredPercent() =>
        Assert.Equal("655 MB → 683 kB (99.9% smaller)", Reduction.Describe(655_000_000, 683_000));

    [Fact]
    public void Percent_SmallChange_KeepsOneDecimal() =>
        Assert.Equal("1.7% smaller", Reduction.Percent(120_000_000, 118_000_000));

    [Fact]
    public void Saving_SmallerIteration_SaysHowMuch() =>
        Assert.Equal("saves 842 MB", Reduction.Saving(1_171_234_567, 329_456_789));

    [Fact]
    public void Relative_RecentAndOldTimes_ReadNaturally()
    {
        var now = new DateTimeOffset(2025, 11, 29, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal("just now", TimeFormat.Relative(now.AddSeconds(-10), now));
        Assert.Equal("3 minutes ago", TimeFormat.Relative(now.AddMinutes(-3), now));
        Assert.Equal("2 hours ago", TimeFormat.Relative(now.AddHours(-2), now));
        Assert.Equal("yesterday", TimeFormat.Relative(now.AddHours(-30), now));
        Assert.Equal("5 days ago", TimeFormat.Relative(now.AddDays(-5), now));
        Assert.Equal("2025-11-29 15:00:00 UTC", TimeFormat.Absolute(now));
    }

    [Fact]
    public void Duration_Spans_ReadNaturally()
    {
        Assert.Equal("4.2 s", TimeFormat.Duration(TimeSpan.FromSeconds(4.2)));
        Assert.Equal("42 s", TimeFormat.Duration(TimeSpan.FromSeconds(42)));
        Assert.Equal("1 min 12 s", TimeFormat.Duration(TimeSpan.FromSeconds(72)));
    }

    [Theory]
    [InlineData("/bin/sh -c #(nop)  CMD [\"python3\"]", "CMD [\"python3\"]")]
    [InlineData("/bin/sh -c apt-get update", "RUN apt-get update")]
    [InlineData("RUN /bin/sh -c apt-get update # buildkit", "RUN apt-get update")]
    [InlineData("|2 A=1 B=2 /bin/sh -c make", "RUN make")]
    [InlineData("COPY main.py . # buildkit", "COPY main.py .")]
    public void Tidy_HistoryCreatedBy_ReadsLikeTheDockerfile(string createdBy, string expected) =>
        Assert.Equal(expected, LayerText.Tidy(createdBy));
}
