using ImageLab.Core.Experiments;

namespace ImageLab.Core.Tests.Experiments;

public class ExperimentCursorTests
{
    [Fact]
    public void TryParse_ItsOwnToken_SamePlace()
    {
        // Arrange
        var cursor = new ExperimentCursor(new DateTimeOffset(2026, 12, 7, 5, 1, 2, 345, TimeSpan.FromHours(2)).AddTicks(6789), 4711);

        // Act
        var parsed = ExperimentCursor.TryParse(cursor.Token, out var back);

        // Assert
        Assert.True(parsed);
        Assert.Equal(cursor.CreatedAt.UtcTicks, back!.CreatedAt.UtcTicks);
        Assert.Equal(4711, back.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("1.2.3")]
    [InlineData("-5.3")]
    [InlineData("5.-3")]
    [InlineData(" 5.3")]
    [InlineData("99999999999999999999.1")]
    [InlineData("3155378976000000000.1")]
    [InlineData("1.99999999999999999999")]
    [InlineData("11111111111111111111111111111111111111111.1")]
    public void TryParse_NotAToken_Refused(string token)
    {
        // Act
        var parsed = ExperimentCursor.TryParse(token, out var cursor);

        // Assert
        Assert.False(parsed);
        Assert.Null(cursor);
    }
}
