using ImageLab.Core.Experiments;

namespace ImageLab.Core.Tests.Experiments;

public sealed class CheckCommandJsonTests
{
    [Fact]
    public void ReadProjectFile_CheckSection_ReturnsCommandAndExpect()
    {
        // Arrange
        const string json = """
            {
              // budgets live beside the check
              "budgets": { "*": { "maxSize": "200MB" } },
              "check": { "command": ["hello", "--name", "world"], "expect": "Hello" },
            }
            """;

        // Act
        var check = CheckCommandJson.ReadProjectFile(json);

        // Assert
        Assert.NotNull(check);
        Assert.Equal(["hello", "--name", "world"], check.Command);
        Assert.Equal("Hello", check.Expect);
    }

    [Theory]
    [InlineData("""{ "budgets": {} }""")]
    [InlineData("""{ "check": null }""")]
    public void ReadProjectFile_NoCheck_ReturnsNull(string json)
    {
        // Act
        var check = CheckCommandJson.ReadProjectFile(json);

        // Assert
        Assert.Null(check);
    }

    [Fact]
    public void ReadField_CommandWithoutExpect_OnlyTheExitCodeCounts()
    {
        // Act
        var check = CheckCommandJson.ReadField("""{"command": ["python3", "-c", "import app"]}""");

        // Assert
        Assert.NotNull(check);
        Assert.Null(check.Expect);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void ReadField_Empty_ReturnsNull(string? json)
    {
        // Act
        var check = CheckCommandJson.ReadField(json);

        // Assert
        Assert.Null(check);
    }

    [Theory]
    [InlineData("[1, 2]", "needs a 'command' array of words")]
    [InlineData("""{"command": "hello"}""", "needs a 'command' array of words")]
    [InlineData("""{"command": ["hello", 5]}""", "every word of 'command' is a string")]
    [InlineData("""{"command": ["hello"], "expect": true}""", "'expect' is the text the output must contain")]
    [InlineData("""{"command": []}""", "A check needs a command")]
    [InlineData("""{"command": ["hello\u0000"]}""", "control characters")]
    [InlineData("{", "is not valid JSON")]
    public void ReadField_Invalid_RejectedWithASentence(string json, string expected)
    {
        // Act
        var e = Assert.Throws<SubmissionRejectedException>(() => CheckCommandJson.ReadField(json));

        // Assert
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("The 'check' field", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProjectFile_TooLong_RejectedBeforeParsing()
    {
        // Arrange
        var json = "{\"check\": {\"command\": [\"" + new string('a', CheckCommandJson.MaxJsonLength) + "\"]}}";

        // Act
        var e = Assert.Throws<SubmissionRejectedException>(() => CheckCommandJson.ReadProjectFile(json));

        // Assert
        Assert.Contains($"at most {CheckCommandJson.MaxJsonLength} are read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProjectFile_NotAnObject_Rejected()
    {
        // Act
        var e = Assert.Throws<SubmissionRejectedException>(() => CheckCommandJson.ReadProjectFile("[]"));

        // Assert
        Assert.Equal("The build context's imagelab.json must be a JSON object.", e.Message);
    }
}
