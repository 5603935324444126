using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ImageLab.Testing;

/// <summary>
/// A PostgreSQL cluster of one test's own (initdb + pg_ctl as the postgres user), for tests that restart
/// the database: restarting the shared test server would break the tests running beside them.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private readonly int _port;

    private PrivatePostgres(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=5";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Path.Combine("/var/tmp", "imagelab-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await RunAsync("chown", "postgres:postgres", folder);
        var postgres = new PrivatePostgres(folder, FreePort());
        await RunAsPostgresAsync($"{Bin}/initdb", "-D", postgres.DataFolder, "-U", "postgres", "--auth=trust");
        await postgres.StartServerAsync();
        return postgres;
    }

    private string DataFolder => Path.Combine(_folder, "data");

    public async Task StopServerAsync() =>
        await RunAsPostgresAsync($"{Bin}/pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "stop");

    public async Task StartServerAsync() =>
        await RunAsPostgresAsync($"{Bin}/pg_ctl", "-D", DataFolder, "-w", "-l", Path.Combine(_folder, "log"),
            "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopServerAsync();
        }
        catch (InvalidOperationException)
        {
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static Task RunAsPostgresAsync(params string[] args) => RunAsync("runuser", ["-u", "postgres", "--", .. args]);

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
