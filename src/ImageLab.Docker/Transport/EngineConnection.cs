using System.Globalization;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.X509;
using ImageLab.Docker.Engine;

namespace ImageLab.Docker.Transport;

/// <summary>
/// One endpoint's clients, opened once: the API version is negotiated from the engine's unversioned
/// <c>GET /version</c> (the newest both sides speak), then a Docker.DotNet client pinned to it and a
/// raw <see cref="HttpClient"/> for the streaming calls.
/// </summary>
internal sealed class EngineConnection : IDisposable
{
    /// <summary>
    /// The newest Engine API this client knows: Docker.DotNet.Enhanced 4.3 is generated from Engine 29,
    /// whose API starts at 1.52. Older engines get their own (lower) version.
    /// </summary>
    internal static readonly Version MaxApiVersion = new(1, 52);

    /// <summary>The oldest Engine API ImageLab is tested on: Docker 20.10 (Debian 12).</summary>
    internal static readonly Version MinSupportedApiVersion = new(1, 41);

    private EngineConnection(HttpClient http, DockerClient client, Version apiVersion, string engineVersion, string os, string architecture)
    {
        Http = http;
        Client = client;
        ApiVersion = apiVersion;
        EngineVersion = engineVersion;
        Os = os;
        Architecture = architecture;
    }

    public HttpClient Http { get; }

    public DockerClient Client { get; }

    public Version ApiVersion { get; }

    public string EngineVersion { get; }

    public string Os { get; }

    public string Architecture { get; }

    /// <summary>What <c>GET /info</c> said last on this connection (null before the first ask).</summary>
    public EngineInfo? Info { get; set; }

    /// <summary>The path prefix of versioned requests, e.g. <c>/v1.41</c>.</summary>
    public string PathPrefix => string.Create(CultureInfo.InvariantCulture, $"/v{ApiVersion.Major}.{ApiVersion.Minor}");

    public static async Task<EngineConnection> OpenAsync(Uri endpoint, string? tlsCertPath, CancellationToken cancellationToken)
    {
        var http = EngineHttpTransport.Create(endpoint, tlsCertPath);
        try
        {
            using var response = await http.GetAsync(new Uri("version", UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var root = json.RootElement;
            var engineApi = ParseVersion(GetString(root, "ApiVersion")) ?? new Version(1, 24);
            var minimumApi = ParseVersion(GetString(root, "MinAPIVersion")) ?? new Version(1, 12);
            var chosen = ChooseApiVersion(engineApi, minimumApi, endpoint, GetString(root, "Version") ?? "unknown");

            var builder = new DockerClientBuilder().WithEndpoint(endpoint).WithApiVersion(chosen);
            if (!string.IsNullOrEmpty(tlsCertPath))
            {
                builder = builder.WithAuthProvider(DockerTlsCertificates.LoadFromDirectory(tlsCertPath).CreateCredentials());
            }

            return new EngineConnection(
                http,
                builder.Build(),
                chosen,
                GetString(root, "Version") ?? "unknown",
                GetString(root, "Os") ?? "unknown",
                GetString(root, "Arch") ?? "unknown");
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The newest API both sides speak, from <see cref="MinSupportedApiVersion"/> (Docker 20.10) up to
    /// <see cref="MaxApiVersion"/>; an older engine is refused with a sentence that names it.
    /// </summary>
    /// <exception cref="NotSupportedException">The engine speaks nothing from 1.41 up.</exception>
    internal static Version ChooseApiVersion(Version engineApi, Version engineMinimumApi, Uri endpoint, string engineVersion)
    {
        if (engineApi < MinSupportedApiVersion)
        {
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"The Docker engine at {endpoint} is Docker {engineVersion} and speaks Engine API {engineApi.ToString(2)}; ImageLab needs API {MinSupportedApiVersion.ToString(2)} (Docker 20.10) or newer. Upgrade the engine, or point Docker:Endpoint at a newer one."));
        }

        var chosen = engineApi < MaxApiVersion ? engineApi : MaxApiVersion;
        return chosen < engineMinimumApi ? engineMinimumApi : chosen;
    }

    public void Dispose()
    {
        Client.Dispose();
        Http.Dispose();
    }

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Version? ParseVersion(string? text) =>
        Version.TryParse(text, out var version) ? new Version(version.Major, Math.Max(version.Minor, 0)) : null;
}
