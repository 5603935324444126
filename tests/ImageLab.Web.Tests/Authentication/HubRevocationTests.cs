using ImageLab.Testing;
using ImageLab.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>
/// A hub connection over WebSockets is one long request, authenticated once: revoking its token must still end it,
/// and the same token must not open a new one. Against the real app process, so the transport is a real WebSocket.
/// </summary>
public sealed class HubRevocationTests
{
    [Fact]
    public async Task Revoke_TokenOfAnOpenHubConnection_ClosesItAndRefusesTheNext()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var connection = Connect(app);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        using var watching = new CancellationTokenSource();
        var stream = connection.StreamAsync<object>("Watch", 1L, 0L, watching.Token);
        var listening = Task.Run(async () =>
        {
            await foreach (var _ in stream)
            {
            }
        });

        // Act: revoke as the account page and the users command do, in the database.
        await using (var db = new NpgsqlConnection(database.ConnectionString))
        {
            await db.OpenAsync();
            await using var revoke = new NpgsqlCommand("UPDATE api_tokens SET revoked_at = now()", db);
            Assert.Equal(1, await revoke.ExecuteNonQueryAsync());
        }

        var ended = await Task.WhenAny(closed.Task, Task.Delay(BuildsHub.TokenRecheckInterval * 6));
        await using var second = Connect(app);
        var refused = await Record.ExceptionAsync(() => second.StartAsync());
        await watching.CancelAsync();
        await listening.ContinueWith(_ => { }, TaskScheduler.Default);

        // Assert
        Assert.True(ended == closed.Task, $"The connection was still open {BuildsHub.TokenRecheckInterval * 6} after its token was revoked.");
        Assert.NotNull(refused);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    private static HubConnection Connect(AppProcess app) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/builds"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(app.AdminToken);
            })
            .Build();
}
