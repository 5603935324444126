using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Tests.Dockerfiles;

public sealed class DockerfileParserTests
{
    [Fact]
    public void Parse_SimpleFile_KeepsKeywordsLinesAndArguments()
    {
        // Arrange
        const string text = "FROM alpine:3.20\n\nrun echo hi\nCMD [\"sh\"]\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        Assert.Equal(4, document.LineCount);
        Assert.Equal(["FROM", "RUN", "CMD"], document.Instructions.Select(i => i.Keyword));
        Assert.Equal([1, 3, 4], document.Instructions.Select(i => i.StartLine));
        Assert.Equal("echo hi", document.Instructions[1].Arguments);
        Assert.Equal("run echo hi", document.Instructions[1].Text);
        Assert.Equal(["sh"], document.Instructions[2].ExecForm);
    }

    [Fact]
    public void Parse_Continuation_JoinsLinesAndSkipsCommentsAndBlankLines()
    {
        // Arrange
        const string text = "FROM debian:12\nRUN apt-get update \\\n    # a comment inside\n\n    && apt-get install -y curl \\\t \n    && echo done\nUSER nobody\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        var run = document.Instructions[1];
        Assert.Equal(2, run.StartLine);
        Assert.Equal(6, run.EndLine);
        Assert.Equal("apt-get update     && apt-get install -y curl     && echo done", run.Arguments);
        Assert.Equal(7, document.Instructions[2].StartLine);
    }

    [Fact]
    public void Parse_BacktickEscapeDirective_UsesBacktickForContinuationsAndKeepsBackslashes()
    {
        // Arrange
        const string text = "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY src\\ C:\\app\\\nRUN dir `\n    C:\\app\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        Assert.Equal('`', document.Directives.Escape);
        Assert.Equal("src\\ C:\\app\\", document.Instructions[1].Arguments);
        Assert.Equal("dir     C:\\app", document.Instructions[2].Arguments);
        Assert.Equal(5, document.Instructions[2].EndLine);
    }

    [Fact]
    public void Parse_Directives_ReadOnlyAtTheTop()
    {
        // Arrange
        const string text = "# syntax=docker/dockerfile:1.7\n# check=skip=JSONArgsRecommended\n\n# escape=`\nFROM alpine\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Equal("docker/dockerfile:1.7", document.Directives.Syntax);
        Assert.Equal("skip=JSONArgsRecommended", document.Directives.Check);
        Assert.Equal('\\', document.Directives.Escape);
    }

    [Fact]
    public void Parse_DirectiveAfterComment_IsOnlyAComment()
    {
        // Arrange
        const string text = "# a comment first\n# escape=`\nFROM alpine\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Equal('\\', document.Directives.Escape);
        Assert.Empty(document.Errors);
    }

    [Fact]
    public void Parse_BadEscapeDirective_ReportsErrorOnItsLine()
    {
        // Act
        var document = DockerfileParser.Parse("# escape=x\nFROM alpine\n");

        // Assert
        var error = Assert.Single(document.Errors);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_BomAndCrlf_AreTolerated()
    {
        // Arrange
        const string text = "\uFEFFFROM alpine:3.20 AS base\r\nRUN echo a \\\r\n    && echo b\r\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        Assert.Equal("base", document.Stages[0].Name);
        Assert.Equal("alpine:3.20", document.Stages[0].BaseImage);
        Assert.Equal("echo a     && echo b", document.Instructions[1].Arguments);
        Assert.Equal(3, document.Instructions[1].EndLine);
    }

    [Fact]
    public void Parse_RunHeredoc_ReadsBodyAndLines()
    {
        // Arrange
        const string text = "FROM alpine\nRUN <<EOF\nset -e\napk add --no-cache curl\nEOF\nCMD [\"sh\"]\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        var run = document.Instructions[1];
        var heredoc = Assert.Single(run.Heredocs);
        Assert.Equal("EOF", heredoc.Delimiter);
        Assert.Equal("set -e\napk add --no-cache curl\n", heredoc.Body);
        Assert.Equal(3, heredoc.StartLine);
        Assert.Equal(5, heredoc.EndLine);
        Assert.Equal(5, run.EndLine);
        Assert.Equal(6, document.Instructions[2].StartLine);
    }

    [Fact]
    public void Parse_DashHeredocWithQuotedDelimiter_StripsTabsAndMarksQuoted()
    {
        // Arrange
        const string text = "FROM alpine\nRUN <<-'END' sh\n\techo $HOME\n\t\tnested\n\tEND\n";

        // Act
        var heredoc = Assert.Single(DockerfileParser.Parse(text).Instructions[1].Heredocs);

        // Assert
        Assert.True(heredoc.StripLeadingTabs);
        Assert.True(heredoc.Quoted);
        Assert.Equal("END", heredoc.Delimiter);
        Assert.Equal("echo $HOME\nnested\n", heredoc.Body);
    }

    [Fact]
    public void Parse_TwoHeredocsOnOneLine_ReadsBothInOrder()
    {
        // Arrange
        const string text = "FROM alpine\nRUN cat <<A > /a && cat <<B > /b\none\nA\ntwo\nB\nUSER 1000\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        Assert.Equal(["one\n", "two\n"], document.Instructions[1].Heredocs.Select(h => h.Body));
        Assert.Equal(7, document.Instructions[2].StartLine);
    }

    [Fact]
    public void Parse_CopyHeredoc_CountsAsSource()
    {
        // Act
        var document = DockerfileParser.Parse("FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF\n");

        // Assert
        Assert.Empty(document.Errors);
        Assert.Equal("hello\n", Assert.Single(document.Instructions[1].Heredocs).Body);
    }

    [Fact]
    public void Parse_UnterminatedHeredoc_ReportsErrorOnTheInstructionLine()
    {
        // Act
        var document = DockerfileParser.Parse("FROM alpine\nRUN <<EOF\necho never closed\n");

        // Assert
        var error = Assert.Single(document.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HereStringAndQuotedMarker_AreNotHeredocs()
    {
        // Act
        var document = DockerfileParser.Parse("FROM alpine\nRUN cat <<< hi && echo \"<<EOF\"\nUSER 1\n");

        // Assert
        Assert.Empty(document.Errors);
        Assert.Empty(document.Instructions[1].Heredocs);
        Assert.Equal(3, document.Instructions[2].StartLine);
    }

    [Theory]
    [InlineData("CMD [\"a\", \"b\"]", true)]
    [InlineData("CMD [\"a\", 'b']", false)]
    [InlineData("CMD [a, b]", false)]
    [InlineData("CMD [\"unclosed\"", false)]
    [InlineData("CMD echo [\"x\"]", false)]
    [InlineData("ENTRYPOINT []", true)]
    public void Parse_JsonOrShellForm_FallsBackToShellWhenJsonIsInvalid(string line, bool exec)
    {
        // Act
        var instruction = DockerfileParser.Parse("FROM alpine\n" + line + "\n").Instructions[1];

        // Assert
        Assert.Equal(exec, instruction.IsExecForm);
    }

    [Fact]
    public void Parse_Flags_AreReadAndRemovedFromArguments()
    {
        // Arrange
        const string text = "FROM alpine AS a\nFROM alpine\nRUN --mount=type=cache,target=/root/.cache --network=none pip install x\nCOPY --from=a --chown=1000:1000 --link /out /app\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        var run = document.Instructions[2];
        Assert.Equal("pip install x", run.Arguments);
        Assert.Equal("type=cache,target=/root/.cache", run.GetFlag("mount")?.Value);
        var copy = document.Instructions[3];
        Assert.Equal("a", copy.GetFlag("from")?.Value);
        Assert.Equal("1000:1000", copy.GetFlag("chown")?.Value);
        Assert.NotNull(copy.GetFlag("link"));
        Assert.Null(copy.GetFlag("link")!.Value);
        Assert.Equal("/out /app", copy.Arguments);
    }

    [Fact]
    public void Parse_UnknownFlag_ReportsError()
    {
        // Act
        var document = DockerfileParser.Parse("FROM alpine\nCOPY --frm=a x y\n");

        // Assert
        Assert.Equal(2, Assert.Single(document.Errors).Line);
    }

    [Fact]
    public void Parse_ArgBeforeFrom_SubstitutesIntoBaseImage()
    {
        // Arrange
        const string text = "ARG VARIANT=slim\nARG PY=3.12\nFROM python:${PY}-${VARIANT} AS base\nRUN echo $PY\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        Assert.Equal("python:3.12-slim", document.Stages[0].BaseImage);
        Assert.Equal("python:${PY}-${VARIANT}", document.Stages[0].BaseImageAsWritten);
        Assert.Equal(["VARIANT", "PY"], document.GlobalArgs.Select(a => a.Name));
        Assert.Equal(-1, document.Instructions[0].StageIndex);
    }

    [Fact]
    public void Parse_BuildArgs_OverrideDefaults()
    {
        // Act
        var document = DockerfileParser.Parse("ARG TAG=3.11\nFROM python:$TAG\n", new Dictionary<string, string> { ["TAG"] = "3.13-slim" });

        // Assert
        Assert.Equal("python:3.13-slim", document.Stages[0].BaseImage);
    }

    [Theory]
    [InlineData("${UNSET:-fallback}", "fallback")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${EMPTY-fallback}", "")]
    [InlineData("${SET:+alt}", "alt")]
    [InlineData("${UNSET:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("$SET/x", "value/x")]
    [InlineData("\\$SET", "$SET")]
    [InlineData("'$SET'", "$SET")]
    [InlineData("\"$SET and ${SET}\"", "value and value")]
    [InlineData("${UNSET:-${SET}}", "value")]
    [InlineData("a$", "a$")]
    public void Parse_EnvSubstitution_FollowsDockerRules(string written, string expected)
    {
        // Arrange
        var text = $"FROM alpine\nENV SET=value EMPTY=\"\"\nENV RESULT={written}\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        Assert.Equal(expected, Assert.Single(document.Instructions[2].Definitions).Value);
    }

    [Fact]
    public void Parse_LegacyEnvForm_TakesRestOfLineAsValue()
    {
        // Act
        var definition = Assert.Single(DockerfileParser.Parse("FROM alpine\nENV GREETING hello world\n").Instructions[1].Definitions);

        // Assert
        Assert.Equal(new VariableDefinition("GREETING", "hello world"), definition);
    }

    [Fact]
    public void Parse_StageArgRedeclaration_TakesGlobalValue()
    {
        // Act
        var document = DockerfileParser.Parse("ARG V=1.2\nFROM alpine\nARG V\nENV VERSION=$V\n");

        // Assert
        Assert.Equal("1.2", Assert.Single(document.Instructions[3].Definitions).Value);
    }

    [Fact]
    public void Parse_GlobalArgWithoutRedeclaration_IsNotVisibleInStage()
    {
        // Act
        var document = DockerfileParser.Parse("ARG V=1.2\nFROM alpine\nENV VERSION=x$V\n");

        // Assert
        Assert.Equal("x", Assert.Single(document.Instructions[2].Definitions).Value);
    }

    [Fact]
    public void Parse_NamedStagesAndFromReferences_ResolveToEarlierStages()
    {
        // Arrange
        const string text = "FROM golang:1.23 AS Build\nRUN go build\nFROM build AS test\nFROM alpine:3.20\nCOPY --from=build /out /out\nCOPY --from=0 /x /x\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n";

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        Assert.Equal(3, document.Stages.Count);
        Assert.Equal("build", document.Stages[0].Name);
        Assert.Equal(0, document.Stages[1].BaseStageIndex);
        Assert.Equal(2, document.Stages[0].EndLine);
        Assert.Equal(0, document.FindStage("BUILD")?.Index);
        Assert.Equal(0, document.FindStage("0")?.Index);
        Assert.Null(document.FindStage("nginx:1.27"));
        Assert.Equal(2, document.FinalStage?.Index);
        Assert.Equal(4, document.Stages[2].Instructions.Count);
    }

    [Fact]
    public void Parse_CopyFromLaterStage_ReportsError()
    {
        // Act
        var document = DockerfileParser.Parse("FROM alpine AS a\nCOPY --from=1 /x /x\nFROM alpine\n");

        // Assert
        Assert.Equal(2, Assert.Single(document.Errors).Line);
    }

    [Fact]
    public void Parse_Onbuild_ParsesTrigger()
    {
        // Act
        var instruction = DockerfileParser.Parse("FROM node:20\nONBUILD RUN --mount=type=cache,target=/root/.npm npm ci\n").Instructions[1];

        // Assert
        Assert.Equal("ONBUILD", instruction.Keyword);
        Assert.NotNull(instruction.Trigger);
        Assert.Equal("RUN", instruction.Trigger!.Keyword);
        Assert.Equal("npm ci", instruction.Trigger.Arguments);
        Assert.NotNull(instruction.Trigger.GetFlag("mount"));
    }

    [Theory]
    [InlineData("", 1, "no instructions")]
    [InlineData("# only a comment\n\n", 1, "no instructions")]
    [InlineData("RUN echo hi\nFROM alpine\n", 1, "before the first FROM")]
    [InlineData("FROM alpine\nFOO bar\n", 2, "not a Dockerfile instruction")]
    [InlineData("FROM\n", 1, "base image")]
    [InlineData("FROM alpine AS\n", 1, "stage name")]
    [InlineData("FROM alpine AS 1bad\n", 1, "stage name")]
    [InlineData("FROM alpine AS a\nFROM alpine AS A\n", 2, "already used")]
    [InlineData("FROM alpine\nARG =x\n", 2, "valid name")]
    [InlineData("FROM alpine\nENV ONLYNAME\n", 2, "no value")]
    [InlineData("FROM alpine\nENV A=1 B\n", 2, "no '='")]
    [InlineData("FROM alpine\nENV A=${B\n", 2, "never closed")]
    [InlineData("FROM alpine\nCOPY onlyone\n", 2, "source and a destination")]
    [InlineData("FROM alpine\nONBUILD FROM x\n", 2, "ONBUILD")]
    [InlineData("FROM alpine\nSHELL /bin/bash -c\n", 2, "JSON")]
    [InlineData("ARG X\n", 1, "no FROM")]
    [InlineData("ARG V\nFROM $V\n", 2, "empty")]
    [InlineData("FROM alpine\nRUN\n", 2, "at least one argument")]
    public void Parse_InvalidInput_ReportsErrorWithLine(string text, int line, string fragment)
    {
        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Contains(document.Errors, e => e.Line == line && e.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));
        Assert.False(document.IsValid);
    }

    [Fact]
    public void Parse_Null_ReturnsErrorInsteadOfThrowing()
    {
        // Act
        var document = DockerfileParser.Parse(null);

        // Assert
        Assert.Equal(1, Assert.Single(document.Errors).Line);
    }
}
