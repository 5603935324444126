using ImageLab.Cli.Budgets;

namespace ImageLab.Cli.Tests.Budgets;

public sealed class QuantitiesTests
{
    [Theory]
    [InlineData("200MB", 200_000_000L)]
    [InlineData("200 mb", 200_000_000L)]
    [InlineData("1.5GB", 1_500_000_000L)]
    [InlineData("512MiB", 536_870_912L)]
    [InlineData("20kB", 20_000L)]
    [InlineData("1048576", 1_048_576L)]
    [InlineData("7B", 7L)]
    public void TryParseSize_Valid_ReturnsBytes(string text, long expected)
    {
        Assert.True(Quantities.TryParseSize(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("-5MB")]
    [InlineData("20 XB")]
    [InlineData("1,5GB")]
    [InlineData("99999999999TB")]
    public void TryParseSize_Invalid_ReturnsFalse(string text) => Assert.False(Quantities.TryParseSize(text, out _));

    [Theory]
    [InlineData("5%", 5)]
    [InlineData("5", 5)]
    [InlineData("0.5 %", 0.5)]
    [InlineData("90", 90)]
    public void TryParsePercent_Valid_ReturnsPercent(string text, double expected)
    {
        Assert.True(Quantities.TryParsePercent(text, out var percent));
        Assert.Equal(expected, percent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("-3%")]
    [InlineData("five")]
    public void TryParsePercent_Invalid_ReturnsFalse(string text) => Assert.False(Quantities.TryParsePercent(text, out _));

    [Fact]
    public void ParseSize_Invalid_ThrowsUsageErrorNamingTheOption()
    {
        var e = Assert.Throws<CliException>(() => Quantities.ParseSize("lots", "--max-size"));
        Assert.Equal(ExitCodes.Usage, e.ExitCode);
        Assert.Contains("--max-size: 'lots' is not a size", e.Message, StringComparison.Ordinal);
    }
}
