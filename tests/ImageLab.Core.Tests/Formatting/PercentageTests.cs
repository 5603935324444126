using ImageLab.Core.Formatting;

namespace ImageLab.Core.Tests.Formatting;

public sealed class PercentageTests
{
    [Theory]
    [InlineData(71.87, "72%")]
    [InlineData(1.666, "1.7%")]
    [InlineData(5.0, "5%")]
    [InlineData(0.0, "0%")]
    [InlineData(100.0, "100%")]
    [InlineData(250.4, "250%")]
    public void Format_OrdinaryPercent_WholeFromTenOneDecimalBelow(double percent, string expected) =>
        Assert.Equal(expected, Percentage.Format(percent));

    [Theory]
    [InlineData(99.896, "99.9%")]
    [InlineData(99.996, "99.996%")]
    [InlineData(0.04, "0.04%")]
    [InlineData(0.0004, "0.0004%")]
    [InlineData(-0.04, "-0.04%")]
    public void Format_NearZeroOrHundred_KeepsTheDigitsThatMakeItTrue(double percent, string expected) =>
        Assert.Equal(expected, Percentage.Format(percent));

    [Fact]
    public void Reduction_655MegabytesTo683Kilobytes_NeverAHundredPercent() =>
        Assert.Equal("99.9% smaller", Percentage.Reduction(655_000_000, 683_000));

    [Fact]
    public void Reduction_TinyChange_NeverZeroPercent() =>
        Assert.Equal("0.04% smaller", Percentage.Reduction(100_000_000, 99_960_000));

    [Fact]
    public void Reduction_Larger_SaysLarger() => Assert.Equal("5% larger", Percentage.Reduction(100_000_000, 105_000_000));

    [Fact]
    public void Reduction_SameBytes_SameSize() => Assert.Equal("same size", Percentage.Reduction(42, 42));

    [Theory]
    [InlineData(null, 5L)]
    [InlineData(5L, null)]
    [InlineData(0L, 5L)]
    public void Reduction_UnknownOrZeroBaseline_Null(long? baseline, long? size) =>
        Assert.Null(Percentage.Reduction(baseline, size));

    [Theory]
    [InlineData(300_000_000L, 330_000_000L, "+10%")]
    [InlineData(1_000_000_000L, 330_000_000L, "-67%")]
    [InlineData(100L, 100L, "0%")]
    public void Change_Sizes_Signed(long from, long to, string expected) =>
        Assert.Equal(expected, Percentage.Change(from, to));
}
