using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ImageLab.Testing;

namespace ImageLab.Web.Tests.Authentication;

/// <summary><c>ImageLab.Web users ...</c> run as a process, as an operator runs it, against the real app process.</summary>
public sealed class UsersCommandTests
{
    [Fact]
    public async Task UsersAdd_WithToken_CreatesUserWhoseTokenWorks()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);

        // Act
        var (exitCode, output, error) = await AppProcess.RunUsersCommandAsync(database.ConnectionString, ["add", "ci-bot", "--role", "member", "--token"]);
        var token = output.Trim();
        using var client = app.CreateClient(token);
        using var response = await client.GetAsync(new Uri("/api/experiments", UriKind.Relative));
        var (revokeExit, _, revokeError) = await AppProcess.RunUsersCommandAsync(database.ConnectionString, ["revoke-token", TokenId(error)]);
        using var revoked = await client.GetAsync(new Uri("/api/experiments", UriKind.Relative));
        using var admin = app.CreateClient();
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Matches("^il_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, revokeExit);
        Assert.Contains("Revoked", revokeError, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == "user ci-bot");
    }

    [Theory]
    [InlineData(new[] { "add", "nobody" }, "needs --role")]
    [InlineData(new[] { "add", "nobody", "--role", "boss" }, "'boss' is not a role")]
    [InlineData(new[] { "frobnicate" }, "is not a users command")]
    public async Task Users_UsageError_Exit2WithSentence(string[] arguments, string sentence)
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();

        // Act
        var (exitCode, _, error) = await AppProcess.RunUsersCommandAsync(database.ConnectionString, arguments);

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains(sentence, error, StringComparison.Ordinal);
    }

    private static string TokenId(string error) =>
        System.Text.RegularExpressions.Regex.Match(error, @"API token (\d+) for").Groups[1].Value;
}
