using ImageLab.Core.Reports;
using Markdig;

namespace ImageLab.Core.Tests.Reports;

/// <summary>
/// What a pull-request comment shows of server and user text: read back through a CommonMark parser (Markdig), code spans
/// show their text exactly, backticks included, and hostile text stays text; pipes in table cells follow GFM's rule.
/// </summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("COPY . .")]
    [InlineData("RUN echo `id` | tee <x>")]
    [InlineData("`starts and ends with backticks`")]
    [InlineData("a``b```c")]
    [InlineData("``")]
    [InlineData(" spaces on both ends ")]
    [InlineData(" a leading space")]
    [InlineData("   ")]
    [InlineData("<img src=x onerror=alert(1)> & *not emphasis* [a](http://evil.test) \\`")]
    public void CodeSpan_AnyText_ShownExactlyAsOneCodeSpan(string text)
    {
        // Act
        var markdown = MarkdownText.CodeSpan(text, inTableCell: false);

        // Assert
        Assert.Equal($"<p><code>{Html(text)}</code></p>\n", Markdown.ToHtml(markdown));
    }

    [Fact]
    public void CodeSpan_TextWithBackticks_FenceLongerThanItsLongestRunAndPaddedWhereItTouchesOne()
    {
        // Act
        var inner = MarkdownText.CodeSpan("RUN echo `id`", inTableCell: false);
        var runs = MarkdownText.CodeSpan("a``b", inTableCell: false);

        // Assert
        Assert.Equal("`` RUN echo `id` ``", inner);
        Assert.Equal("```a``b```", runs);
    }

    [Fact]
    public void CodeSpan_LineBreaks_OneLine()
    {
        // Act
        var markdown = MarkdownText.CodeSpan("RUN a \\\n    && b\r\n- item", inTableCell: false);

        // Assert
        Assert.Equal("`RUN a \\     && b - item`", markdown);
    }

    [Theory]
    [InlineData("RUN a | b", "`RUN a \\| b`")] // GFM takes the backslash out of the cell's text again
    [InlineData("RUN echo `id` | tee", "``RUN echo `id` \\| tee``")]
    [InlineData("a\\\\|b", "`a\\\\\\|b`")] // an even run of backslashes stays, then the escaped pipe
    [InlineData("a\\|b", "`a\\\\\\|b`")] // GFM pairs backslashes first: an odd run needs one more, or the pipe ends the cell
    public void CodeSpan_InTableCell_EveryPipeEscapedSoThatItCannotEndTheCell(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.CodeSpan(text, inTableCell: true));

    [Fact]
    public void WithCode_StepWithBackticksAndPipes_ProseLiteralAndTheCodeAsCodeSpans()
    {
        // Act
        var markdown = MarkdownText.WithCode("line 9 `RUN make | tee log` (changed from `RUN make`)", inTableCell: false);

        // Assert
        Assert.Equal("line 9 `RUN make | tee log` (changed from `RUN make`)", markdown);
        Assert.Equal("<p>line 9 <code>RUN make | tee log</code> (changed from <code>RUN make</code>)</p>\n", Markdown.ToHtml(markdown));
    }

    [Fact]
    public void WithCode_HostileProseAndAnUnpairedBacktick_NoMarkupNoLinkAndTheBacktickShown()
    {
        // Act
        var markdown = MarkdownText.WithCode("*a* <b>x</b> [l](http://evil.test) | `RUN x` and ` alone", inTableCell: false);

        // Assert
        Assert.Equal(
            "<p>*a* &lt;b&gt;x&lt;/b&gt; [l](http://evil.test) | <code>RUN x</code> and ` alone</p>\n",
            Markdown.ToHtml(markdown));
    }

    [Fact]
    public void Escape_PipesBackslashesAndMarks_LiteralText()
    {
        // Act
        var markdown = MarkdownText.Escape("a\\|b `c` **d** _e_ ~f~ <g>&");

        // Assert
        Assert.Equal("a\\\\\\|b \\`c\\` \\*\\*d\\*\\* \\_e\\_ \\~f\\~ &lt;g&gt;&amp;", markdown);
        Assert.Equal("<p>a\\|b `c` **d** _e_ ~f~ &lt;g&gt;&amp;</p>\n", Markdown.ToHtml(markdown));
    }

    [Theory]
    [InlineData("ping @octocat and @my-org/team", "ping @\u2060octocat and @\u2060my-org/team")]
    [InlineData("fixes #123 and GH-4, gh-5 #x", "fixes #\u2060123 and GH-\u20604, gh-\u20605 #\u2060x")]
    [InlineData("AGH-4 is GH- and -5", "AGH-\u20604 is GH- and -5")]
    [InlineData("mail a@b.test, # alone, @ alone, C# and x@", "mail a@\u2060b.test, # alone, @ alone, C# and x@")]
    public void Escape_MentionsAndIssueNumbers_JoinedSoGitHubLinksNeither(string text, string expected)
    {
        // Act
        var markdown = MarkdownText.Escape(text);

        // Assert: the word joiner is invisible; GitHub's patterns need a letter or digit right after @ or #.
        Assert.Equal(expected, markdown);
        Assert.DoesNotMatch(@"(^|[^\w])[@#][A-Za-z0-9]|GH-[0-9]", markdown);
    }

    // How Markdig writes text into HTML.
    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
