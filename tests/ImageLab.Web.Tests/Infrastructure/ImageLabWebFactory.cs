using System.Net.Http.Headers;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Testing;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>
/// The real app in-process, against the test engine and a fresh PostgreSQL database of its own.
/// Settings can be overridden per test class (e.g. a tiny context limit). Clients and hub connections authenticate
/// with an admin's API token unless a test asks for another role or none.
/// </summary>
public class ImageLabWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private PostgresDatabase? _database;
    private string? _adminToken;

    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("The factory is not initialized.");

    /// <summary>What the app logged (warnings and errors), kept off the console.</summary>
    public TestLog Log { get; } = new();

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Whether clients get the admin's token by default (a factory without a reachable database cannot create one).</summary>
    protected virtual bool AuthenticateClients => true;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The API token of the admin every default client uses.</summary>
    public string AdminToken => _adminToken ??= CreateTokenAsync(ImageLabRoles.Admin).GetAwaiter().GetResult();

    /// <summary>Creates a user of <paramref name="role"/> with an API token and returns the token.</summary>
    public Task<string> CreateTokenAsync(string role) => Task.Run(async () =>
    {
        var users = Services.GetRequiredService<UserAdministration>();
        var name = $"{role}-{Guid.NewGuid():N}"[..16];
        await users.CreateAsync(name, role, password: null, actor: "tests", CancellationToken.None);
        return (await users.CreateTokenAsync(name, "tests", "tests", CancellationToken.None)).Token;
    });

    /// <summary>A client that authenticates with the given token, or with none when it is null.</summary>
    public HttpClient CreateClientWithToken(string? token, bool followRedirects = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A SignalR connection to <c>/hubs/builds</c> through the in-memory server, as the admin (or with <paramref name="token"/>).</summary>
    public HubConnection CreateHubConnection(string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/builds"), options =>
            {
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token ?? AdminToken);
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();

    public T GetService<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        if (AuthenticateClients)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:ImageLab", Database.ConnectionString);
        builder.UseSetting("Docker:Endpoint", TestEnvironment.DockerEndpoint);
        builder.UseSetting("Docker:NetworkMode", "host");
        builder.UseSetting("Worker:PollMilliseconds", "200");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging =>
        {
            // The app's warnings and errors go to Log, not the console: many tests cause them on purpose.
            logging.ClearProviders();
            logging.AddProvider(Log);
        });
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
