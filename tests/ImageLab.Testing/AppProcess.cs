using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace ImageLab.Testing;

/// <summary>
/// The real ImageLab web app as a separate process (as users run it), on a free loopback port, against
/// the test engine and a given database. Can be killed mid-build and started again. Before it starts, the
/// <c>users add</c> command creates an admin with a password and an API token (<see cref="AdminToken"/>), as an
/// operator would; <see cref="CreateClient"/> sends that token.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The admin the harness created (none for <c>--role worker</c>, which serves no API).</summary>
    public string AdminName { get; private init; } = "";

    public string AdminPassword { get; private init; } = "";

    public string AdminToken { get; private init; } = "";

    /// <summary>An HTTP client of the app that authenticates as the admin.</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? AdminToken);
        return client;
    }

    /// <summary>Whether the process has ended (crashed, or was killed).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The app's process id (e.g. to read its memory from <c>/proc</c>).</summary>
    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the app and waits until <c>/healthz</c> answers; <paramref name="arguments"/> go on its command line (e.g.
    /// <c>--role worker</c>). A null <paramref name="connectionString"/> starts it without one, on the embedded store.
    /// Without <paramref name="withAdmin"/> the database keeps no user (the first run, <c>/setup</c>).
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        string? connectionString, IDictionary<string, string>? settings = null, int? port = null, IReadOnlyList<string>? arguments = null,
        bool withAdmin = true)
    {
        var servesWeb = !(arguments ?? []).Contains("worker");
        (string Name, string Password, string Token)? admin = servesWeb && withAdmin ? await CreateAdminAsync(connectionString, settings) : null;
        var listenPort = port ?? FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{listenPort}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = WebAppFolder,
        };
        start.ArgumentList.Add(Path.Combine(WebAppFolder, "ImageLab.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        SetEnvironment(start, connectionString, settings);
        var app = new AppProcess(Process.Start(start)!, baseAddress)
        {
            AdminName = admin?.Name ?? "",
            AdminPassword = admin?.Password ?? "",
            AdminToken = admin?.Token ?? "",
        };
        try
        {
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            // A start that times out must not leave the app running after the test.
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>
    /// Runs <c>ImageLab.Web users ARGS</c> against the database as an operator would; returns the exit code, standard
    /// output and standard error. <paramref name="input"/> is written to its standard input (e.g. a password).
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunUsersCommandAsync(
        string? connectionString, IReadOnlyList<string> arguments, string? input = null, IDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = WebAppFolder,
        };
        start.ArgumentList.Add(Path.Combine(WebAppFolder, "ImageLab.Web.dll"));
        start.ArgumentList.Add("users");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        SetEnvironment(start, connectionString, settings);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static async Task<(string Name, string Password, string Token)> CreateAdminAsync(string? connectionString, IDictionary<string, string>? settings)
    {
        var name = "admin-" + Guid.NewGuid().ToString("N")[..8];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var (exitCode, output, error) = await RunUsersCommandAsync(connectionString, ["add", name, "--role", "admin", "--password-stdin", "--token"], password, settings);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'users add {name} --role admin --token' failed with exit code {exitCode}:\n{error}{output}");
        }

        var token = output.Split('\n', StringSplitOptions.TrimEntries).LastOrDefault(line => line.StartsWith("il_", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"'users add {name} --token' printed no token:\n{output}\n{error}");
        return (name, password, token);
    }

    private static void SetEnvironment(ProcessStartInfo start, string? connectionString, IDictionary<string, string>? settings)
    {
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        if (connectionString is null)
        {
            start.Environment.Remove("ConnectionStrings__ImageLab");
        }
        else
        {
            start.Environment["ConnectionStrings__ImageLab"] = connectionString;
        }

        start.Environment["Docker__Endpoint"] = TestEnvironment.DockerEndpoint;
        start.Environment["Docker__NetworkMode"] = "host";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    /// <summary>The web project's build output, beside the tests' own configuration.</summary>
    public static string WebAppFolder
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(TestEnvironment.RepositoryRoot, "src", "ImageLab.Web", "bin", configuration, "net10.0");
        }
    }

    /// <summary>Kills the process at once, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"ImageLab exited with code {_process.ExitCode} before it answered:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"ImageLab did not answer /healthz within {timeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
