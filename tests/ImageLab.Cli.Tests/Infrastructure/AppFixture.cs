using ImageLab.Testing;

namespace ImageLab.Cli.Tests.Infrastructure;

/// <summary>The real app as a process on a fresh database, shared by the tests of one class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private AppProcess? _app;

    public Uri BaseAddress => (_app ?? throw new InvalidOperationException("The app is not started.")).BaseAddress;

    public string AppOutput => _app?.Output ?? "";

    /// <summary>An admin's API token, created with the app's <c>users add ... --token</c> command.</summary>
    public string AdminToken => (_app ?? throw new InvalidOperationException("The app is not started.")).AdminToken;

    public string ConnectionString => (_database ?? throw new InvalidOperationException("The app is not started.")).ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync("imagelab_cli");
        _app = await AppProcess.StartAsync(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
