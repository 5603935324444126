using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Tests.Dockerfiles;

public sealed class DockerfileCorpusTests
{
    public static TheoryData<string> Names => Corpus.AllNames();

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_CorpusFile_HasNoErrorsAndConsistentLines(string name)
    {
        // Arrange
        var text = Corpus.Read(name);

        // Act
        var document = DockerfileParser.Parse(text);

        // Assert
        Assert.Empty(document.Errors);
        Assert.NotEmpty(document.Stages);
        var previousEnd = 0;
        foreach (var instruction in document.Instructions)
        {
            Assert.True(instruction.StartLine > previousEnd, $"{instruction.Keyword} on line {instruction.StartLine} overlaps the previous instruction");
            Assert.True(instruction.EndLine >= instruction.StartLine);
            Assert.True(instruction.EndLine <= document.LineCount);
            previousEnd = instruction.EndLine;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_CorpusFileWithCrlf_GivesSameInstructions(string name)
    {
        // Arrange
        var text = Corpus.Read(name).Replace("\r\n", "\n", StringComparison.Ordinal);
        var crlf = "\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal);

        // Act
        var unix = DockerfileParser.Parse(text);
        var windows = DockerfileParser.Parse(crlf);

        // Assert
        Assert.Equal(unix.Instructions.Select(i => (i.Keyword, i.StartLine, i.EndLine, i.Arguments)), windows.Instructions.Select(i => (i.Keyword, i.StartLine, i.EndLine, i.Arguments)));
        Assert.Equal(unix.Stages.Select(s => s.BaseImage), windows.Stages.Select(s => s.BaseImage));
    }

    [Fact]
    public void Parse_Heredocs_ReadsEveryForm()
    {
        // Act
        var document = DockerfileParser.Parse(Corpus.Read("heredocs.Dockerfile"));

        // Assert
        var withHeredocs = document.Instructions.Where(i => i.Heredocs.Count > 0).ToList();
        Assert.Equal(["RUN", "RUN", "COPY", "RUN", "RUN"], withHeredocs.Select(i => i.Keyword));
        Assert.Contains("apt-get install", withHeredocs[0].Heredocs[0].Body, StringComparison.Ordinal);
        Assert.True(withHeredocs[1].Heredocs[0].StripLeadingTabs);
        Assert.True(withHeredocs[1].Heredocs[0].Quoted);
        Assert.StartsWith("set -e\n", withHeredocs[1].Heredocs[0].Body, StringComparison.Ordinal);
        Assert.Equal("[server]\nport = 8080\n", withHeredocs[2].Heredocs[0].Body);
        Assert.Equal(2, withHeredocs[3].Heredocs.Count);
        Assert.Equal("CMD", document.Instructions[^1].Keyword);
    }

    [Fact]
    public void Parse_WindowsBacktick_KeepsBackslashPathsAndJoinsBacktickContinuations()
    {
        // Act
        var document = DockerfileParser.Parse(Corpus.Read("windows-backtick.Dockerfile"));

        // Assert
        Assert.Equal('`', document.Directives.Escape);
        Assert.Equal("base", document.Stages[0].Name);
        var workdir = document.Instructions.Single(i => i.Keyword == "WORKDIR");
        Assert.Equal("C:\\app", workdir.Arguments);
        var run = document.Instructions.Single(i => i.Keyword == "RUN");
        Assert.Equal(4, run.EndLine - run.StartLine + 1);
        var env = document.Instructions.Single(i => i.Keyword == "ENV");
        Assert.Equal([new VariableDefinition("APP_HOME", "C:\\app"), new VariableDefinition("LOG_DIR", "C:\\logs")], env.Definitions);
        Assert.Equal(["C:\\app\\service.exe"], document.Instructions[^1].ExecForm);
    }

    [Fact]
    public void Parse_GoFourStage_ResolvesArgsStagesAndIndexReferences()
    {
        // Act
        var document = DockerfileParser.Parse(Corpus.Read("go-four-stage.Dockerfile"));

        // Assert
        Assert.Equal(4, document.Stages.Count);
        Assert.Equal(["deps", "build", "certs", null], document.Stages.Select(s => s.Name));
        Assert.Equal("golang:1.23-alpine3.20", document.Stages[0].BaseImage);
        Assert.Equal("$BUILDPLATFORM", document.Stages[0].Platform);
        Assert.Equal(0, document.Stages[1].BaseStageIndex);
        Assert.Equal("docker.io/library/alpine:3.20", document.Stages[2].BaseImage);
        Assert.Equal("scratch", document.Stages[3].BaseImage);
        var copyFromIndex = document.Stages[3].Instructions.Single(i => i.GetFlag("from")?.Value == "1");
        Assert.Equal("build", document.FindStage("1", 3)?.Name);
        Assert.Equal(2, document.Stages[1].Instructions.Count(i => i.Keyword == "ARG"));
        Assert.Equal(2, document.Stages[1].Instructions.Single(i => i.Keyword == "RUN").Flags.Count);
        Assert.NotNull(copyFromIndex);
    }

    [Fact]
    public void Parse_NodeOnbuild_ParsesLowercaseOnbuildAndHealthcheck()
    {
        // Act
        var document = DockerfileParser.Parse(Corpus.Read("node-onbuild.Dockerfile"));

        // Assert
        var triggers = document.Instructions.Where(i => i.Keyword == "ONBUILD").Select(i => i.Trigger!.Keyword);
        Assert.Equal(["COPY", "RUN", "COPY"], triggers);
        var healthcheck = document.Instructions.Single(i => i.Keyword == "HEALTHCHECK");
        Assert.Equal("30s", healthcheck.GetFlag("interval")?.Value);
        Assert.Equal(["node", "server.js"], document.Instructions[^1].ExecForm);
    }

    [Fact]
    public void Parse_CommentsInContinuations_GivesOneRunWithAllCommands()
    {
        // Act
        var document = DockerfileParser.Parse(Corpus.Read("comments-in-continuations.Dockerfile"));

        // Assert
        var run = document.Instructions.First(i => i.Keyword == "RUN");
        Assert.Equal(4, run.StartLine);
        Assert.Equal(12, run.EndLine);
        Assert.DoesNotContain("#", run.Arguments, StringComparison.Ordinal);
        Assert.Contains("texlive-latex-base", run.Arguments, StringComparison.Ordinal);
        Assert.Equal("/home/reporter", document.Instructions.Single(i => i.Keyword == "WORKDIR").Arguments.Replace("$REPORT_USER", "reporter", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DotnetChiseled_SubstitutesGlobalArgInFinalBase()
    {
        // Act
        var document = DockerfileParser.Parse(Corpus.Read("dotnet-chiseled.Dockerfile"));

        // Assert
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:8.0", document.Stages[0].BaseImage);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", document.Stages[1].BaseImage);
    }
}
