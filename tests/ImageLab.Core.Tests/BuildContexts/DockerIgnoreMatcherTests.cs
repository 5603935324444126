using ImageLab.Core.BuildContexts;

namespace ImageLab.Core.Tests.BuildContexts;

public sealed class DockerIgnoreMatcherTests
{
    [Theory]
    // plain names and folders: a folder pattern excludes everything under it
    [InlineData("node_modules", "node_modules", true)]
    [InlineData("node_modules", "node_modules/a/b.js", true)]
    [InlineData("node_modules", "src/node_modules", false)]
    [InlineData("docs/", "docs/readme.md", true)]
    // leading / and ./ are dropped, paths are cleaned
    [InlineData("/secret.txt", "secret.txt", true)]
    [InlineData("./build", "build/out.o", true)]
    [InlineData("a/../b", "b/x", true)]
    // * and ? stay inside one folder
    [InlineData("*.log", "app.log", true)]
    [InlineData("*.log", "logs/app.log", false)]
    [InlineData("*/*.log", "logs/app.log", true)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file10.txt", false)]
    [InlineData("file?.txt", "file/.txt", false)]
    // ** crosses any number of folders, including none
    [InlineData("**/*.pyc", "a.pyc", true)]
    [InlineData("**/*.pyc", "pkg/sub/a.pyc", true)]
    [InlineData("**/__pycache__", "pkg/__pycache__/a.cpython.pyc", true)]
    [InlineData("src/**/test", "src/test", true)]
    [InlineData("src/**/test", "src/a/b/test/x.py", true)]
    [InlineData("src/**", "src/a", true)]
    [InlineData("src/**", "srcs/a", false)]
    [InlineData("**", "anything/at/all", true)]
    // character classes
    [InlineData("[abc].txt", "b.txt", true)]
    [InlineData("[abc].txt", "d.txt", false)]
    [InlineData("[^abc].txt", "d.txt", true)]
    // dots and regex characters are literal
    [InlineData("a.b", "axb", false)]
    [InlineData("a+(b)", "a+(b)", true)]
    public void IsExcluded_SinglePattern_FollowsDockerSemantics(string pattern, string path, bool expected)
    {
        // Arrange
        var matcher = DockerIgnoreMatcher.Parse(pattern);

        // Act
        var excluded = matcher.IsExcluded(path);

        // Assert
        Assert.Equal(expected, excluded);
    }

    [Theory]
    [InlineData("*.md\n!README.md", "README.md", false)]
    [InlineData("*.md\n!README.md", "CHANGES.md", true)]
    [InlineData("!README.md\n*.md", "README.md", true)]
    [InlineData("docs\n!docs/keep.md", "docs/keep.md", false)]
    [InlineData("docs\n!docs/keep.md", "docs/other.md", true)]
    [InlineData("docs\n!docs/keep.md", "docs", true)]
    [InlineData("**/*.txt\n!important/*.txt\nimportant/secret.txt", "important/secret.txt", true)]
    [InlineData("**/*.txt\n!important/*.txt\nimportant/secret.txt", "important/notes.txt", false)]
    public void IsExcluded_Exceptions_LastMatchingLineWins(string content, string path, bool expected)
    {
        // Arrange
        var matcher = DockerIgnoreMatcher.Parse(content);

        // Act
        var excluded = matcher.IsExcluded(path);

        // Assert
        Assert.Equal(expected, excluded);
    }

    [Fact]
    public void Parse_CommentsBlankLinesBomAndCrlf_KeepsOnlyPatterns()
    {
        // Arrange
        var content = "\uFEFF# comment\r\n\r\n   \r\n  *.tmp  \r\n#not/a/pattern\r\n! keep.tmp \r\n/abs/path/\r\n";

        // Act
        var matcher = DockerIgnoreMatcher.Parse(content);

        // Assert
        Assert.Equal(["*.tmp", "!keep.tmp", "abs/path"], matcher.Patterns);
        Assert.True(matcher.HasExceptions);
        Assert.False(matcher.IsExcluded("keep.tmp"));
        Assert.True(matcher.IsExcluded("other.tmp"));
        Assert.False(matcher.IsExcluded("#not/a/pattern"));
    }

    [Fact]
    public void Parse_LoneExclamationMark_ThrowsSentence()
    {
        // Act
        var error = Assert.Throws<BuildContextException>(() => DockerIgnoreMatcher.Parse("*.log\n!\n"));

        // Assert
        Assert.Contains("only '!'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs\n!docs/keep.md", "docs", true)]
    [InlineData("docs\n!docs/keep.md", "build", false)]
    [InlineData("docs", "docs", false)]
    public void MayIncludeUnder_ExceptionBelowFolder_TellsWhetherToWalkIt(string content, string folder, bool expected)
    {
        // Arrange
        var matcher = DockerIgnoreMatcher.Parse(content);

        // Act
        var walk = matcher.MayIncludeUnder(folder);

        // Assert
        Assert.Equal(expected, walk);
    }
    [Fact]
    public void IsExcluded_PathologicalPatternAgainstALongName_AnswersWithoutBacktracking()
    {
        // Arrange: with a backtracking engine, ^[^/]*a[^/]*a...[^/]*b$ against 4,000 a's tries every split (hours).
        var pattern = string.Concat(Enumerable.Repeat("*a", 24)) + "*b";
        var matcher = DockerIgnoreMatcher.Parse(pattern + "\n**/" + pattern + "\n");
        var path = string.Join('/', Enumerable.Repeat(new string('a', 4000), 3));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var excluded = matcher.IsExcluded(path);

        // Assert (a generous bound on a shared machine; the guarantee is the non-backtracking engine)
        watch.Stop();
        Assert.False(excluded);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Matching took {watch.Elapsed}.");
        Assert.True(matcher.IsExcluded(new string('a', 3000) + "b"));
    }

    [Fact]
    public void Parse_MorePatternsThanTheCap_RefusedWithASentence()
    {
        // Arrange
        var content = string.Join('\n', Enumerable.Range(0, DockerIgnoreMatcher.MaxPatterns + 1).Select(i => $"file{i}"));

        // Act
        var error = Assert.Throws<BuildContextException>(() => DockerIgnoreMatcher.Parse(content));

        // Assert
        Assert.Equal(".dockerignore has more than 1,000 patterns; ImageLab accepts at most that many.", error.Message);
        Assert.Equal(DockerIgnoreMatcher.MaxPatterns, DockerIgnoreMatcher.Parse(string.Join('\n', Enumerable.Range(0, DockerIgnoreMatcher.MaxPatterns).Select(i => $"file{i}"))).Patterns.Count);
    }

    [Fact]
    public void Parse_PatternLongerThanTheCap_RefusedWithASentence()
    {
        var error = Assert.Throws<BuildContextException>(() => DockerIgnoreMatcher.Parse(new string('*', DockerIgnoreMatcher.MaxPatternLength + 1)));

        Assert.Equal(".dockerignore has a pattern of 4,097 characters; ImageLab accepts patterns of at most 4,096.", error.Message);
    }
}
