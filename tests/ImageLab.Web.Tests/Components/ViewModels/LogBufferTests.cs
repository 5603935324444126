using ImageLab.Web.ViewModels;

namespace ImageLab.Web.Tests.Components.ViewModels;

public class LogBufferTests
{
    [Fact]
    public void Append_TextWithSeveralLines_NumbersEachLine()
    {
        var log = new LogBuffer();

        log.Append("one\ntwo\n");
        log.Append("three");

        Assert.Equal(["one", "two", "three"], log.Lines.Select(l => l.Text));
        Assert.Equal([1, 2, 3], log.Lines.Select(l => l.Number));
    }

    [Fact]
    public void Append_CarriageReturn_KeepsWhatWasWrittenLast()
    {
        var log = new LogBuffer();

        log.Append("10%\r50%\r100%\r\n");

        Assert.Equal("100%", Assert.Single(log.Lines).Text);
    }

    [Fact]
    public void Append_PastTheLimit_DropsTheOldestLines()
    {
        var log = new LogBuffer();

        for (var i = 0; i < LogBuffer.MaxLines + 10; i++)
        {
            log.Append("line");
        }

        Assert.Equal(LogBuffer.MaxLines, log.Count);
        Assert.Equal(10, log.Dropped);
        Assert.Equal(11, log.Lines[0].Number);
    }
}
