using System.Diagnostics;
using System.Text;
using ImageLab.Core.Dockerfiles;
using Xunit.Abstractions;

namespace ImageLab.Core.Tests.Dockerfiles;

/// <summary>
/// Hostile inputs: deep substitution nesting, long lines, many continuations and here-documents. Whatever the text,
/// parsing and advising end with a sentence instead of a crash or a held thread. The time bound is generous (the
/// machine is shared); the measured time is written to the test output, and the real bound is by construction.
/// </summary>
public sealed class DockerfileLimitsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    // A megabyte of hostile text is linear work (about a second on an idle core, a few under load); quadratic work would take hours.
    private static readonly TimeSpan LinearWorkBound = TimeSpan.FromSeconds(30);

    /// <summary>The Dockerfile of issue 13: FROM nests ${U:-...} 170,000 deep, about 1 MB.</summary>
    public static string DeeplyNested(int depth) =>
        "FROM " + string.Concat(Enumerable.Repeat("${U:-", depth)) + "alpine" + new string('}', depth) + "\n";

    [Fact]
    public void Analyze_SubstitutionNested170000Deep_RefusedWithASentence()
    {
        // Arrange
        var text = DeeplyNested(170_000);
        Assert.InRange(Encoding.UTF8.GetByteCount(text), 1_000_000, DockerfileLimits.MaxBytes);

        // Act
        var analysis = Timed(() => new DockerfileAdvisor().Analyze(text));

        // Assert
        var error = Assert.Single(analysis.Document.Errors);
        Assert.Contains("more than 32 deep on line 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, DockerfileLimits.Check(text));
    }

    [Fact]
    public void Expand_NestedPastTheCap_StopsWithAnErrorWithoutRecursingFurther()
    {
        // Arrange: the expander alone (the worker and the pages reach it through the parser, which checks first).
        const int depth = 100_000;
        var word = string.Concat(Enumerable.Repeat("${U:-", depth)) + "x" + new string('}', depth);
        string? error = null;

        // Act
        var result = Timed(() => VariableExpander.Expand(word, _ => null, '\\', ref error));

        // Assert
        Assert.Equal("", result);
        Assert.Equal($"substitutions nest more than {DockerfileLimits.MaxSubstitutionDepth} deep", error);
    }

    [Fact]
    public void Expand_NestedWithinTheCap_ExpandsTheInnermostDefault()
    {
        // Arrange
        var depth = DockerfileLimits.MaxSubstitutionDepth;
        var word = string.Concat(Enumerable.Repeat("${U:-", depth)) + "x" + new string('}', depth);
        string? error = null;

        // Act
        var result = VariableExpander.Expand(word, _ => null, '\\', ref error);

        // Assert
        Assert.Null(error);
        Assert.Equal("x", result);
    }

    [Fact]
    public void Parse_MoreStagesThanTheLimit_RefusedWithASentence()
    {
        // Arrange: every stage based on the one before copies its environment, so stages are counted before parsing.
        var text = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"FROM s{i} AS s{i + 1}\nENV A{i}=1\n"));

        // Act
        var document = Timed(() => DockerfileParser.Parse(text));

        // Assert
        Assert.Equal("The Dockerfile has more than 128 build stages (FROM lines); line 257 starts one too many.", Assert.Single(document.Errors).Message);
    }

    [Fact]
    public void Parse_ArgsThatDoubleEachOther_StopWithASentenceInsteadOfGrowingExponentially()
    {
        // Arrange: a "billion laughs" in 60 lines; each ARG doubles A, so the 60th would hold 10 * 2^60 characters.
        var text = "ARG A=aaaaaaaaaa\n" + string.Concat(Enumerable.Repeat("ARG A=${A}${A}\n", 60)) + "FROM alpine:${A}\nENV B=\"${A}${A}${A}\"\n";

        // Act
        var document = Timed(() => DockerfileParser.Parse(text));

        // Assert
        Assert.Contains(document.Errors, e => e.Message == "Variable substitution failed: the substitutions expand to more text than a Dockerfile may hold.");
        Assert.True(document.GlobalArgs.Sum(a => (long)(a.Value?.Length ?? 0)) <= DockerfileLimits.MaxExpandedChars);
    }

    [Fact]
    public void Parse_MoreLinesThanTheLimit_RefusedWithASentence()
    {
        // Arrange: exactly 10,000 lines pass; one more is refused.
        var lines = "FROM alpine\n" + string.Concat(Enumerable.Repeat("RUN true\n", DockerfileLimits.MaxLines - 1));

        // Act
        var within = DockerfileParser.Parse(lines);
        var beyond = Timed(() => DockerfileParser.Parse(lines + "RUN true\n"));

        // Assert
        Assert.Empty(within.Errors);
        Assert.Equal("The Dockerfile has more than 10,000 lines; split what it runs into scripts in the build context.", Assert.Single(beyond.Errors).Message);
    }

    [Fact]
    public void Parse_LargerThanTheLimit_RefusedWithASentence()
    {
        // Arrange
        var text = "FROM alpine\nRUN echo " + new string('a', DockerfileLimits.MaxBytes) + "\n";

        // Act
        var document = Timed(() => DockerfileParser.Parse(text));

        // Assert
        Assert.Equal("The Dockerfile is larger than 1 MB; a Dockerfile is a few kilobytes.", Assert.Single(document.Errors).Message);
    }

    // Each within the limits (1 MB, 10,000 lines, 128 stages), so the parser and every rule really read them.
    public static TheoryData<string, string> Hostile => new()
    {
        { "one long line", "FROM alpine\nRUN echo " + new string('a', 1_000_000) + "\n" },
        { "one long word of quotes", "FROM alpine\nENV A=" + string.Concat(Enumerable.Repeat("\"'", 480_000)) + "\n" },
        { "many continuations", "FROM alpine\nRUN echo \\\n" + string.Concat(Enumerable.Repeat("  a && b --flag=" + new string('x', 80) + " \\\n", 9_900)) + "  end\n" },
        { "continuations between comments", "FROM alpine\nRUN echo \\\n" + string.Concat(Enumerable.Repeat("# c\n a " + new string('y', 150) + " \\\n", 4_900)) + "  end\n" },
        { "many here-documents", "FROM alpine\n" + string.Concat(Enumerable.Repeat("RUN <<EOF\napt-get install -y gcc && pip install x && echo " + new string('h', 200) + "\nEOF\n", 3_300)) },
        { "many markers on one RUN", "FROM alpine\nRUN " + string.Concat(Enumerable.Repeat("<<A ", 150_000)) + "\n" + string.Concat(Enumerable.Repeat("x\nA\n", 4_900)) },
        { "an unclosed here-document", "FROM alpine\nRUN <<EOF\n" + string.Concat(Enumerable.Repeat("echo " + new string('u', 90) + " && apt-get install -y gcc\n", 7_500)) },
        { "many RUN instructions", "FROM alpine\n" + string.Concat(Enumerable.Repeat("RUN apt-get install -y gcc && rm -rf /root/.cache && pip install " + new string('p', 30) + "\n", 9_900)) },
        { "the most stages", string.Concat(Enumerable.Range(0, DockerfileLimits.MaxStages).Select(i => $"FROM s{i} AS s{i + 1}\n" + string.Concat(Enumerable.Repeat($"ENV A{i}=1 B{i}=2\nRUN pip install x\n", 38)))) },
        { "many ENV and RUN", "FROM alpine\n" + string.Concat(Enumerable.Repeat("ENV A=1\nRUN pip install x && apt-get install gcc && yarn install && " + new string('e', 40) + "\n", 4_900)) },
        { "many ARGs and substitutions", string.Concat(Enumerable.Repeat("ARG A=${A}${A}${A}${A}${B:-${C:-x}}" + new string('a', 60) + "\n", 9_900)) + "FROM alpine\n" },
        { "unclosed substitutions", "FROM alpine\nENV A=" + string.Concat(Enumerable.Repeat("${A:-x", 30)) + new string('{', 900_000) + "\n" },
        { "nested command substitutions", "FROM alpine\nRUN " + new string('(', 400_000) + string.Concat(Enumerable.Repeat("$(", 200_000)) + "\n" },
        { "many shell separators", "FROM alpine\nRUN " + string.Concat(Enumerable.Repeat("a&&", 300_000)) + "\n" },
        { "JSON nesting", "FROM alpine\nRUN " + new string('[', 500_000) + new string(']', 500_000) + "\n" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Analyze_HostileText_EndsWithoutCrashing(string name, string text)
    {
        // Arrange: within the limits, so the parser and the rules do read it.
        Assert.Null(DockerfileLimits.Check(text));

        // Act
        var analysis = Timed(() => new DockerfileAdvisor().Analyze(text), name, LinearWorkBound);

        // Assert
        Assert.DoesNotContain(analysis.Document.Errors, e => e.Message.Contains("failed unexpectedly", StringComparison.Ordinal));
        Assert.DoesNotContain(analysis.Findings, f => f.Message.Contains("could not check", StringComparison.Ordinal));
    }

    private T Timed<T>(Func<T> action, string? name = null, TimeSpan? bound = null)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Stop();
        output.WriteLine($"{name ?? "elapsed"}: {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < (bound ?? Generous), $"{name ?? "The call"} took {watch.Elapsed.TotalSeconds:F1} s.");
        return result;
    }
}
