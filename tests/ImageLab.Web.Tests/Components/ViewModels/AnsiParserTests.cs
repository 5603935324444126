using ImageLab.Web.Formatting;
using ImageLab.Web.ViewModels;

namespace ImageLab.Web.Tests.Components.ViewModels;

public class AnsiParserTests
{
    [Fact]
    public void Parse_PlainLine_IsOneUnstyledSpan() =>
        Assert.Equal([new AnsiSpan("Step 1/6 : FROM python")], AnsiParser.Parse("Step 1/6 : FROM python"));

    [Fact]
    public void Parse_ColourAndReset_BecomeClasses()
    {
        var spans = AnsiParser.Parse("\u001b[1;31mERROR\u001b[0m: failed");

        Assert.Equal(2, spans.Count);
        Assert.Equal(new AnsiSpan("ERROR", "ansi-fg-1 ansi-bold"), spans[0]);
        Assert.Equal(new AnsiSpan(": failed"), spans[1]);
    }

    [Fact]
    public void Parse_BrightAndBackground_MapToTheirClasses()
    {
        var spans = AnsiParser.Parse("\u001b[92;44mok");

        Assert.Equal("ansi-fg-10 ansi-bg-4", spans[0].CssClass);
    }

    [Fact]
    public void Parse_256AndRgbColours_BecomeInlineStyles()
    {
        Assert.Equal("color:rgb(255,0,0)", AnsiParser.Parse("\u001b[38;5;196mred")[0].Style);
        Assert.Equal("color:rgb(1,2,3)", AnsiParser.Parse("\u001b[38;2;1;2;3mrgb")[0].Style);
        Assert.Equal("ansi-fg-3", AnsiParser.Parse("\u001b[38;5;3myellow")[0].CssClass);
    }

    [Theory]
    [InlineData("\u001b[2K\u001b[1A#5 [2/4] RUN apt-get update", "#5 [2/4] RUN apt-get update")]
    [InlineData("\u001b]0;title\u0007done", "done")]
    [InlineData("\u001b[?25lhidden cursor\u001b[?25h", "hidden cursor")]
    [InlineData("bell\u0007 and backspace\b", "bell and backspace")]
    [InlineData("truncated \u001b[", "truncated ")]
    public void Parse_AnyEscapeOrControl_LeavesOnlyText(string line, string expected)
    {
        var text = TextOf(line);

        Assert.Equal(expected, text);
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void Parse_TabsAreKept() => Assert.Equal("a\tb", TextOf("a\tb"));

    // The spans' text joined: what a reader sees of the line.
    private static string TextOf(string line) => string.Concat(AnsiParser.Parse(line).Select(s => s.Text));
}
