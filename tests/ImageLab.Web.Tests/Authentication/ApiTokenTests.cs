using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImageLab.Core.Security;
using ImageLab.Data;
using ImageLab.Data.Entities;
using ImageLab.Web.Authentication;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>API tokens against the real database: hashed at rest, last use recorded, revocation effective at once.</summary>
public sealed class ApiTokenTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    [Fact]
    public async Task Revoke_TokenInUse_RefusedOnTheNextRequest()
    {
        // Arrange
        var users = factory.GetService<UserAdministration>();
        var name = "ci-" + Guid.NewGuid().ToString("N")[..8];
        await users.CreateAsync(name, ImageLabRoles.Member, password: null, "tests", CancellationToken.None);
        var token = await users.CreateTokenAsync(name, "ci", "tests", CancellationToken.None);
        using var client = factory.CreateClientWithToken(token.Token);
        using var before = await client.GetAsync(new Uri("/api/experiments", UriKind.Relative));

        // Act
        Assert.True(await users.RevokeTokenAsync(token.Id, ownerId: null, "tests", CancellationToken.None));
        using var after = await client.GetAsync(new Uri("/api/experiments", UriKind.Relative));
        var problem = await after.Content.ReadFromJsonAsync<ProblemDetails>();

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("revoked", problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_UserWithToken_TokenRefusedAtOnce()
    {
        // Arrange
        var users = factory.GetService<UserAdministration>();
        var name = "gone-" + Guid.NewGuid().ToString("N")[..8];
        await users.CreateAsync(name, ImageLabRoles.Member, password: null, "tests", CancellationToken.None);
        using var client = factory.CreateClientWithToken((await users.CreateTokenAsync(name, "ci", "tests", CancellationToken.None)).Token);

        // Act
        await users.SetDisabledAsync(name, disabled: true, "tests", CancellationToken.None);
        using var response = await client.GetAsync(new Uri("/api/experiments", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Use_Token_LastUsedRecordedAndOnlyItsHashStored()
    {
        // Arrange
        var users = factory.GetService<UserAdministration>();
        var name = "hash-" + Guid.NewGuid().ToString("N")[..8];
        await users.CreateAsync(name, ImageLabRoles.Viewer, password: null, "tests", CancellationToken.None);
        var token = await users.CreateTokenAsync(name, "laptop", "tests", CancellationToken.None);
        using var client = factory.CreateClientWithToken(token.Token);

        // Act
        using var response = await client.GetAsync(new Uri("/api/experiments", UriKind.Relative));

        // Assert: the row has the hash and a last use; no text column of any table holds the token
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await factory.GetService<IDbContextFactory<ImageLabDbContext>>().CreateDbContextAsync();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == token.Id);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token.Token)), stored.TokenHash);
        Assert.NotNull(stored.LastUsedAt);
        Assert.False(await DatabaseContainsAsync(factory.Database.ConnectionString, token.Token));
    }

    [Fact]
    public async Task Submit_AsMember_SubmitterIsTheTokensUserAndAudited()
    {
        // Arrange
        var users = factory.GetService<UserAdministration>();
        var name = "member-" + Guid.NewGuid().ToString("N")[..8];
        await users.CreateAsync(name, ImageLabRoles.Member, password: null, "tests", CancellationToken.None);
        using var member = factory.CreateClientWithToken((await users.CreateTokenAsync(name, "ci", "tests", CancellationToken.None)).Token);
        using var admin = factory.CreateClient();
        var content = ExperimentUpload.FromFiles([("Dockerfile", "FROM busybox\nRUN sleep 30\n")], ("submittedBy", "someone-else"), ("builder", "classic"));

        // Act
        var experiment = await ExperimentUpload.SubmitAsync(member, content);
        using var cancel = await member.PostAsync(new Uri($"/api/experiments/{experiment.Id}/cancel", UriKind.Relative), null);
        var mine = await admin.GetFromJsonAsync<JsonElement>($"/api/experiments?submittedBy={name}");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?pageSize=50");

        // Assert
        Assert.Equal(name, experiment.SubmittedBy);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(experiment.Id, mine.GetProperty("items")[0].GetProperty("id").GetInt64());
        var entries = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("target").GetString() == $"experiment {experiment.Id}")
            .Select(e => (e.GetProperty("userName").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Equal([(name, AuditActions.ExperimentCancelled), (name, AuditActions.ExperimentSubmitted)], entries);
    }

    [Fact]
    public async Task Submit_ViewerAsksAnything_403ThatSaysWhy()
    {
        // Arrange
        using var viewer = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Viewer));
        var content = ExperimentUpload.FromFiles([("Dockerfile", "FROM busybox\n")]);

        // Act
        using var response = await viewer.PostAsync(new Uri("/api/experiments", UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("needs the role admin or member", problem!.Detail, StringComparison.Ordinal);
    }

    private static async Task<bool> DatabaseContainsAsync(string connectionString, string text)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand(
            "select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('text', 'character varying')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in columns)
        {
            await using var find = new NpgsqlCommand($"select exists(select 1 from \"{table}\" where position(@text in \"{column}\") > 0)", connection);
            find.Parameters.AddWithValue("text", text);
            if ((bool)(await find.ExecuteScalarAsync())!)
            {
                return true;
            }
        }

        return false;
    }
}
