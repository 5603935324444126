using ImageLab.Core.Experiments;

namespace ImageLab.Core.Tests.Experiments;

public sealed class CommandLineWordsTests
{
    [Theory]
    [InlineData("hello", new[] { "hello" })]
    [InlineData("  python3   -c  'import app; print(\"ok\")' ", new[] { "python3", "-c", "import app; print(\"ok\")" })]
    [InlineData("sh -c \"echo \\\"hi\\\" there\"", new[] { "sh", "-c", "echo \"hi\" there" })]
    [InlineData("a\\ b ''", new[] { "a b", "" })]
    [InlineData("ab'c d'e", new[] { "abc de" })]
    public void Split_ShellQuoting_Words(string line, string[] expected)
    {
        // Act
        var (words, problem) = CommandLineWords.Split(line);

        // Assert
        Assert.Null(problem);
        Assert.Equal(expected, words);
    }

    [Theory]
    [InlineData("echo 'open", "single")]
    [InlineData("echo \"open", "double")]
    public void Split_OpenQuote_SaysSo(string line, string kind)
    {
        // Act
        var (words, problem) = CommandLineWords.Split(line);

        // Assert
        Assert.Empty(words);
        Assert.Equal($"The command has a {kind} quote that is never closed.", problem);
    }

    [Theory]
    [InlineData(new[] { "python3", "-c", "import app; print(\"ok\")" }, "python3 -c 'import app; print(\"ok\")'")]
    [InlineData(new[] { "/bin/hello", "--name=x" }, "/bin/hello --name=x")]
    [InlineData(new[] { "echo", "it's", "" }, "echo 'it'\\''s' ''")]
    public void Join_Words_QuotesWhatASplitNeeds(string[] words, string expected)
    {
        // Act
        var line = CommandLineWords.Join(words);
        var (again, problem) = CommandLineWords.Split(line);

        // Assert
        Assert.Equal(expected, line);
        Assert.Null(problem);
        Assert.Equal(words, again);
    }
}
