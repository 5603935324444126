using ImageLab.Core.Formatting;

namespace ImageLab.Core.Tests.Formatting;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(999L, "999 B")]
    [InlineData(1_000L, "1 kB")]
    [InlineData(4_720L, "4.72 kB")]
    [InlineData(683_000L, "683 kB")]
    [InlineData(44_123_456L, "44.1 MB")]
    [InlineData(120_345_678L, "120 MB")]
    [InlineData(329_456_789L, "329 MB")]
    [InlineData(999_600_000L, "1 GB")]
    [InlineData(1_171_234_567L, "1.17 GB")]
    public void Format_Bytes_ReadsLikeDockerImages(long bytes, string expected) =>
        Assert.Equal(expected, ByteSize.Format(bytes));

    [Theory]
    [InlineData(1_048_576L, "1.05 MB")]
    [InlineData(104_857_600L, "105 MB")]
    [InlineData(1_073_741_824L, "1.07 GB")]
    public void Format_BinaryRoundNumbers_DecimalUnitsNeverLabelledWrong(long bytes, string expected) =>
        Assert.Equal(expected, ByteSize.Format(bytes));

    [Fact]
    public void Format_Negative_KeepsTheSign() => Assert.Equal("-780 MB", ByteSize.Format(-780_000_000L));

    [Fact]
    public void Format_Unknown_IsADash() => Assert.Equal("–", ByteSize.Format((long?)null));

    [Fact]
    public void Exact_Bytes_GroupsThousands() => Assert.Equal("1,171,234,567 bytes", ByteSize.Exact(1_171_234_567));

    [Fact]
    public void Exact_OneByte_Singular() => Assert.Equal("1 byte", ByteSize.Exact(1));

    [Fact]
    public void Exact_Unknown_SaysNotMeasured() => Assert.Equal("not measured", ByteSize.Exact(null));
}
