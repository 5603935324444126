using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Tests.Dockerfiles;

public sealed class ShellScriptTests
{
    [Fact]
    public void Split_Operators_SeparatesCommandsAndKeepsSeparators()
    {
        // Act
        var commands = ShellScript.Split("apt-get update && apt-get install -y curl; echo ok || true | cat & wait");

        // Assert
        Assert.Equal(["apt-get update", "apt-get install -y curl", "echo ok", "true", "cat", "wait"], commands.Select(c => c.ToString()));
        Assert.Equal(["&&", ";", "||", "|", "&", ""], commands.Select(c => c.Separator));
    }

    [Fact]
    public void Split_Quotes_RemovesQuotesAndKeepsOperatorsInside()
    {
        // Act
        var command = Assert.Single(ShellScript.Split("echo 'a && b' \"c; d\" e\\ f"));

        // Assert
        Assert.Equal(["echo", "a && b", "c; d", "e f"], command.Words);
    }

    [Fact]
    public void Split_CommandSubstitutionAndRedirects_StayInOneWord()
    {
        // Act
        var commands = ShellScript.Split("echo $(date && id) 2>&1 >/dev/null && find / -name x -exec rm {} + 2>/dev/null || true");

        // Assert
        Assert.Equal(3, commands.Count);
        Assert.Equal("$(date && id)", commands[0].Words[1]);
        Assert.Equal("2>&1", commands[0].Words[2]);
    }

    [Fact]
    public void Split_NewlinesCommentsAndContinuations_AreHandled()
    {
        // Act
        var commands = ShellScript.Split("set -eux\n# comment && not a command\npip install \\\n  flask\nif true; then apk add x; fi\n");

        // Assert
        Assert.Equal(["set -eux", "pip install flask", "true", "apk add x"], commands.Select(c => c.ToString()));
    }

    [Theory]
    [InlineData("DEBIAN_FRONTEND=noninteractive apt-get install -y x", "apt-get")]
    [InlineData("sudo -E apt-get install x", "apt-get")]
    [InlineData("sudo -u app pip install x", "pip")]
    [InlineData("env PIP_NO_CACHE_DIR=1 pip install x", "pip")]
    [InlineData("A=1 B=2", null)]
    [InlineData("/usr/local/bin/pip install x", "/usr/local/bin/pip")]
    public void Name_WithAssignmentsAndWrappers_IsTheProgram(string script, string? expected)
    {
        // Act
        var command = Assert.Single(ShellScript.Split(script));

        // Assert
        Assert.Equal(expected, command.Name);
    }

    [Theory]
    [InlineData("useradd -lm -u 100000 app", "no-log-init", 'l', true)]
    [InlineData("useradd --no-log-init app", "no-log-init", 'l', true)]
    [InlineData("useradd -m app", "no-log-init", 'l', false)]
    [InlineData("pip install --no-cache-dir=1 x", "no-cache-dir", null, true)]
    [InlineData("pip install --no-cache x", "no-cache-dir", null, false)]
    public void HasOption_LongShortAndGrouped_AreRecognised(string script, string longName, char? shortName, bool expected)
    {
        // Act
        var command = Assert.Single(ShellScript.Split(script));

        // Assert
        Assert.Equal(expected, command.HasOption(longName, shortName));
    }

    [Theory]
    [InlineData("useradd -u 1234 app", "1234")]
    [InlineData("useradd -u1234 app", "1234")]
    [InlineData("useradd --uid 1234 app", "1234")]
    [InlineData("useradd --uid=1234 app", "1234")]
    [InlineData("useradd app", null)]
    public void GetOptionValue_EveryWay_ReturnsValue(string script, string? expected)
    {
        // Act
        var command = Assert.Single(ShellScript.Split(script));

        // Assert
        Assert.Equal(expected, command.GetOptionValue("uid", 'u'));
    }

    [Theory]
    [InlineData("")]
    [InlineData("'unclosed")]
    [InlineData("\"unclosed $(x")]
    [InlineData("\\")]
    [InlineData("$(((")]
    [InlineData("`")]
    public void Split_Malformed_DoesNotThrow(string script)
    {
        // Act
        var exception = Record.Exception(() => ShellScript.Split(script));

        // Assert
        Assert.Null(exception);
    }
    [Theory]
    [InlineData(" | ")]
    [InlineData(" && ")]
    [InlineData("; ")]
    [InlineData("\n")]
    public void Split_ChainLongerThanTheLimit_ReadsOnlyUpToTheLimit(string separator)
    {
        // Arrange: forty times the limit, so that every rule's work on one RUN stays bounded whatever the line's length.
        var script = string.Join(separator, Enumerable.Range(0, DockerfileLimits.MaxShellCommands * 40).Select(i => $"c{i}"));

        // Act
        var commands = ShellScript.Split(script);

        // Assert
        Assert.Equal(DockerfileLimits.MaxShellCommands, commands.Count);
        Assert.Equal($"c{DockerfileLimits.MaxShellCommands - 1}", commands[^1].Name);
        Assert.True(ShellScript.IsCut(commands));
    }

    [Fact]
    public void Split_ChainJustUnderTheLimit_ReadsEveryCommand()
    {
        // Arrange
        var script = string.Join(" | ", Enumerable.Range(0, DockerfileLimits.MaxShellCommands - 1).Select(i => $"c{i}"));

        // Act
        var commands = ShellScript.Split(script);

        // Assert
        Assert.Equal(DockerfileLimits.MaxShellCommands - 1, commands.Count);
        Assert.Equal($"c{DockerfileLimits.MaxShellCommands - 2}", commands[^1].Name);
        Assert.False(ShellScript.IsCut(commands));
    }
}
