using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.Advisor;

/// <summary><c>POST /api/dockerfiles/analyze</c> against the real app.</summary>
public sealed class DockerfilesApiTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    private const string Naive = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n";
    private static readonly Uri Analyze = new("/api/dockerfiles/analyze", UriKind.Relative);

    [Fact]
    public async Task Analyze_PlainText_ReturnsFindingsAndStages()
    {
        // Arrange
        var client = factory.CreateClient();
        using var body = new StringContent("FROM python:3.12-slim AS build\nRUN pip install flask\nFROM python:3.12-slim\nCOPY --from=build /usr/local /usr/local\n", Encoding.UTF8, "text/plain");

        // Act
        using var response = await client.PostAsync(Analyze, body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var finding = Assert.Single(json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "DL3042");
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.Equal("Info", finding.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("fix").GetString()));
        var stages = json.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("baseImage").GetString(), s.GetProperty("startLine").GetInt32()));
        Assert.Equal([("build", "python:3.12-slim", 1), (null, "python:3.12-slim", 3)], stages);
    }

    [Fact]
    public async Task Analyze_JsonWithContextFiles_RunsTheContextRules()
    {
        // Arrange
        var client = factory.CreateClient();
        var request = new
        {
            dockerfile = Naive,
            contextFiles = new[] { new { path = "app.py", sizeBytes = 900L }, new { path = "models/weights.bin", sizeBytes = 400_000_000L } },
        };

        // Act
        using var response = await client.PostAsJsonAsync(Analyze, request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()}@{f.GetProperty("line").GetInt32()}").ToList();
        Assert.Contains("IL004@3", ids);
        Assert.Contains("IL005@3", ids);
        Assert.Contains("DL3042@4", ids);
    }

    [Fact]
    public async Task Analyze_JsonWithTarget_ScoresTheTargetStage()
    {
        // Arrange
        var client = factory.CreateClient();
        var request = new { dockerfile = "FROM python:3.12 AS dev\nRUN pip install flask\nFROM python:3.12-slim\nCMD [\"python\"]\n", target = "dev" };

        // Act
        using var response = await client.PostAsJsonAsync(Analyze, request);

        // Assert
        var findings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "DL3042" && f.GetProperty("severity").GetString() == "Warning");
    }

    [Fact]
    public async Task Analyze_BodyOverOneMegabyte_Is413Problem()
    {
        // Arrange
        var client = factory.CreateClient();
        using var body = new StringContent("FROM busybox\n" + new string('#', 1024 * 1024), Encoding.UTF8, "text/plain");

        // Act
        using var response = await client.PostAsync(Analyze, body);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("1.05 MB", problem!.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "application/json", "{ not json", "not the expected JSON" },
        { "application/json", "{ \"dockerfile\": \"\" }", "Send the Dockerfile" },
        { "text/plain", "   ", "Send the Dockerfile" },
        { "application/json", "{ \"dockerfile\": \"FROM busybox\", \"contextFiles\": [ { \"path\": \"a\", \"sizeBytes\": -1 } ] }", "sizeBytes" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Analyze_BadBody_Is400ProblemWithASentence(string contentType, string text, string mentions)
    {
        // Arrange
        var client = factory.CreateClient();
        using var body = new StringContent(text, Encoding.UTF8, contentType);

        // Act
        using var response = await client.PostAsync(Analyze, body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains(mentions, problem!.Detail, StringComparison.Ordinal);
    }
}
