using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using ImageLab.Core.Builds;
using ImageLab.Core.Engines;
using ImageLab.Docker.BuildKit;
using ImageLab.Docker.Builds;
using ImageLab.Docker.Hosting;
using ImageLab.Docker.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageLab.Docker.Engine;

/// <summary>
/// <see cref="IDockerEngine"/> over Docker.DotNet.Enhanced, plus raw HTTP for the build stream (BuildKit's
/// progress is not something Docker.DotNet can read, and one reader for both builders keeps their
/// events and their cancellation alike). The connection to an endpoint (API version negotiated once,
/// one Docker.DotNet client, one HTTP client) is opened on first use and shared by every engine of the
/// same endpoint in the process.
/// </summary>
public sealed partial class DockerEngine : IDockerEngine
{
    private static readonly ConcurrentDictionary<string, EngineConnection> Connections = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim ConnectGate = new(1, 1);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> DiskUsageGates = new(StringComparer.Ordinal);
    private static readonly TimeSpan DiskUsageBusyPatience = TimeSpan.FromSeconds(60);

    private readonly Uri _endpoint;
    private readonly string? _tlsCertPath;
    private readonly ILogger _logger;

    public DockerEngine(DockerOptions options, ILogger<DockerEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Endpoint = options.Endpoint;
        _endpoint = new Uri(options.Endpoint);
        _tlsCertPath = string.IsNullOrWhiteSpace(options.TlsCertPath) ? null : options.TlsCertPath;
        _logger = logger ?? NullLogger<DockerEngine>.Instance;
    }

    public string Endpoint { get; }

    public async Task<EngineInfo> DescribeAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        return connection.Info ??= await GetInfoAsync(cancellationToken);
    }

    public async Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        using var info = await SendForJsonAsync(HttpMethod.Get, "/info", cancellationToken);
        var driver = info.RootElement.TryGetProperty("Driver", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "unknown";
        return connection.Info = new EngineInfo(
            Endpoint,
            connection.EngineVersion,
            connection.ApiVersion.ToString(2),
            connection.Os,
            connection.Architecture,
            driver,
            UsesContainerdStore(info.RootElement) ? ImageStoreKind.Containerd : ImageStoreKind.GraphDriver,
            info.RootElement.TryGetProperty("ID", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } engineId ? engineId : Endpoint);
    }

    // The containerd image store announces itself in the driver status: ["driver-type", "io.containerd.snapshotter.v1"].
    private static bool UsesContainerdStore(JsonElement info) =>
        info.TryGetProperty("DriverStatus", out var status) && status.ValueKind == JsonValueKind.Array
        && status.EnumerateArray().Any(pair => pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2
            && pair[0].GetString() == "driver-type" && pair[1].GetString()?.StartsWith("io.containerd.snapshotter", StringComparison.Ordinal) == true);

    public async Task<BuildResult> BuildAsync(
        BuildRequest request,
        Stream context,
        IProgress<BuildEvent>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var connection = await ConnectAsync(cancellationToken);
        var buildId = Guid.NewGuid().ToString("N");
        BuildProgressTranslator translator = request.Builder == BuilderKind.Classic
            ? new ClassicProgressTranslator(progress)
            : new BuildKitProgressTranslator(progress);
        var clock = Stopwatch.StartNew();
        DockerEngineLog.BuildStarted(_logger, request.DockerfilePath, request.Builder, buildId);

        using var body = new RequestBodyContent(context);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(connection.PathPrefix + "/build" + BuildQuery.Create(request, buildId), UriKind.Relative))
        {
            Content = body,
        };
        try
        {
            using var response = await connection.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                translator.Fail(await ReadErrorAsync(response, cancellationToken));
            }
            else
            {
                await ReadJsonLinesAsync(response, translator, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closing the response (above, by leaving the using) already stops the build on the engine;
            // BuildKit also gets an explicit cancel in case the connection close is noticed late.
            if (request.Builder == BuilderKind.BuildKit)
            {
                await RequestCancelAsync(connection, buildId);
            }

            DockerEngineLog.BuildCancelled(_logger, buildId);
            throw;
        }
        catch (Exception ex) when (body.SourceFailure is { } sourceFailure && !cancellationToken.IsCancellationRequested)
        {
            ExceptionDispatchInfo.Capture(sourceFailure).Throw();
            throw new UnreachableException("rethrown above", ex);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw Unavailable(ex);
        }

        translator.OnEnd();
        var imageId = translator.Error is null ? translator.ImageId : null;
        var error = translator.Error ?? (imageId is null ? "The engine ended the build without naming an image." : null);
        var result = new BuildResult(error is null, imageId, error, translator.TotalSteps, translator.CachedSteps, clock.Elapsed, translator.StageImageIds);
        if (result.Succeeded)
        {
            DockerEngineLog.BuildSucceeded(_logger, buildId, result.Duration, imageId!, result.TotalSteps, result.CachedSteps);
        }
        else
        {
            DockerEngineLog.BuildFailed(_logger, buildId, result.Duration, error!);
        }

        return result;
    }

    public async Task<ImageDetails?> InspectImageAsync(string image, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        ImageInspectResponse inspect;
        try
        {
            inspect = await CallAsync(c => c.Client.Images.InspectImageAsync(image, cancellationToken), connection);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var config = inspect.Config;
        return new ImageDetails(
            inspect.ID,
            inspect.Size,
            inspect.Created is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : DateTimeOffset.MinValue,
            inspect.Architecture ?? string.Empty,
            inspect.Os ?? string.Empty,
            [.. inspect.RootFS?.Layers ?? []],
            [.. config?.Entrypoint ?? []],
            [.. config?.Cmd ?? []],
            [.. config?.Env ?? []],
            [.. (config?.ExposedPorts?.Keys ?? []).Order(StringComparer.Ordinal)],
            new Dictionary<string, string>(config?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            [.. inspect.RepoTags ?? []]);
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string image, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        IList<ImageHistoryResponse> history;
        try
        {
            history = await CallAsync(c => c.Client.Images.GetImageHistoryAsync(image, cancellationToken), connection);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw NotFound(image, ex);
        }

        // The API has no "empty layer" flag; like `docker history`, a row whose size is 0 adds no layer.
        return [.. history.Select(h => new HistoryEntry(
            h.ID,
            new DateTimeOffset(DateTime.SpecifyKind(h.Created, DateTimeKind.Utc)),
            h.CreatedBy ?? string.Empty,
            h.Size,
            h.Comment ?? string.Empty,
            h.Size == 0,
            [.. h.Tags ?? []]))];
    }

    public async Task<Stream> SaveImageAsync(string image, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var uri = new Uri($"{connection.PathPrefix}/images/get?names={Uri.EscapeDataString(image)}", UriKind.Relative);
        HttpResponseMessage response;
        try
        {
            response = await connection.Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (IsTransportFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var reason = await ReadErrorAsync(response, cancellationToken);
                throw response.StatusCode == HttpStatusCode.NotFound
                    ? NotFound(image, null)
                    : new InvalidOperationException($"The engine at {Endpoint} could not save image '{image}': {reason}");
            }
        }

        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    public async Task TagImageAsync(string image, string repositoryAndTag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryAndTag);
        var connection = await ConnectAsync(cancellationToken);
        var slash = repositoryAndTag.LastIndexOf('/');
        var colon = repositoryAndTag.LastIndexOf(':');
        var parameters = colon > slash
            ? new ImageTagParameters { RepositoryName = repositoryAndTag[..colon], Tag = repositoryAndTag[(colon + 1)..] }
            : new ImageTagParameters { RepositoryName = repositoryAndTag, Tag = "latest" };
        try
        {
            await CallAsync(async c => { await c.Client.Images.TagImageAsync(image, parameters, cancellationToken); return true; }, connection);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw NotFound(image, ex);
        }
    }

    public async Task<bool> RemoveImageAsync(string image, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        try
        {
            await CallAsync(c => c.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true }, cancellationToken), connection);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        DockerEngineLog.ImageRemoved(_logger, image);
        return true;
    }

    public async Task<bool> RemoveTagAsync(string repositoryAndTag, string imageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryAndTag);
        var named = await InspectImageAsync(repositoryAndTag, cancellationToken);
        if (named is null || !string.Equals(named.Id, imageId, StringComparison.Ordinal))
        {
            return false;
        }

        var connection = await ConnectAsync(cancellationToken);
        try
        {
            await CallAsync(c => c.Client.Images.DeleteImageAsync(repositoryAndTag, new ImageDeleteParameters { Force = false }, cancellationToken), connection);
        }
        catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return false;
        }

        DockerEngineLog.ImageRemoved(_logger, repositoryAndTag);
        return true;
    }

    public async Task<bool> RemoveUntaggedImageAsync(string image, CancellationToken cancellationToken)
    {
        var details = await InspectImageAsync(image, cancellationToken);
        if (details is null || details.RepoTags.Count > 0)
        {
            return false;
        }

        var connection = await ConnectAsync(cancellationToken);
        try
        {
            await CallAsync(c => c.Client.Images.DeleteImageAsync(details.Id, new ImageDeleteParameters { Force = false }, cancellationToken), connection);
        }
        catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return false;
        }

        DockerEngineLog.ImageRemoved(_logger, details.Id);
        return true;
    }

    public async Task<IReadOnlyList<ImageSummary>> ListImagesAsync(string labelFilter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(labelFilter);
        var connection = await ConnectAsync(cancellationToken);
        var images = await CallAsync(
            c => c.Client.Images.ListImagesAsync(
                new ImagesListParameters
                {
                    Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [labelFilter] = true } },
                },
                cancellationToken),
            connection);
        return [.. images.Select(i => new ImageSummary(
            i.ID,
            [.. i.RepoTags ?? []],
            i.Size,
            new DateTimeOffset(DateTime.SpecifyKind(i.Created, DateTimeKind.Utc)),
            new Dictionary<string, string>(i.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)))];
    }

    public async Task<EngineDiskUsage> GetDiskUsageAsync(CancellationToken cancellationToken)
    {
        // Engines before 23 compute one disk usage at a time and refuse any other caller with a 500 ("a disk usage
        // operation is already running"): this process asks one at a time, and waits out another client's.
        var gate = DiskUsageGates.GetOrAdd(Endpoint, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var json = await SendDiskUsageRequestAsync(cancellationToken);
            return ReadDiskUsage(json.RootElement);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<JsonDocument> SendDiskUsageRequestAsync(CancellationToken cancellationToken)
    {
        var patience = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await SendForJsonAsync(HttpMethod.Get, "/system/df", cancellationToken);
            }
            catch (EngineRefusedException e) when (e.EngineMessage.Contains("disk usage operation is already running", StringComparison.Ordinal))
            {
                if (patience.Elapsed > DiskUsageBusyPatience)
                {
                    throw new DockerEngineUnavailableException(
                        $"The engine at {Endpoint} has been busy computing its disk usage for another client for {DiskUsageBusyPatience.TotalSeconds:0} s; try again in a minute.", e);
                }

                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 2000));
            }
        }
    }

    private EngineDiskUsage ReadDiskUsage(JsonElement root)
    {
        int images = 0, labelledImages = 0, cacheRecords = 0;
        long labelledBytes = 0, labelledUniqueBytes = 0, cacheBytes = 0, reclaimableBytes = 0;
        foreach (var image in Items(root, "Images"))
        {
            images++;
            if (image.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                && labels.TryGetProperty(BuildQuery.ManagedLabel, out _))
            {
                labelledImages++;
                var size = Number(image, "Size");
                labelledBytes += size;
                labelledUniqueBytes += size - Math.Max(0, Number(image, "SharedSize"));
            }
        }

        foreach (var record in Items(root, "BuildCache"))
        {
            cacheRecords++;
            var size = Number(record, "Size");
            cacheBytes += size;
            if (!(record.TryGetProperty("InUse", out var inUse) && inUse.ValueKind == JsonValueKind.True))
            {
                reclaimableBytes += size;
            }
        }

        return new EngineDiskUsage(Endpoint, labelledImages, labelledBytes, labelledUniqueBytes, images, Number(root, "LayersSize"),
            cacheRecords, cacheBytes, reclaimableBytes);
    }

    public async Task<long> PruneBuildCacheAsync(TimeSpan unusedFor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unusedFor, TimeSpan.Zero);
        var filters = JsonSerializer.Serialize(new Dictionary<string, string[]>
        {
            ["until"] = [string.Create(CultureInfo.InvariantCulture, $"{(long)unusedFor.TotalSeconds}s")],
        });
        using var json = await SendForJsonAsync(HttpMethod.Post, "/build/prune?filters=" + Uri.EscapeDataString(filters), cancellationToken);
        var reclaimed = Number(json.RootElement, "SpaceReclaimed");
        DockerEngineLog.BuildCachePruned(_logger, Endpoint, reclaimed);
        return reclaimed;
    }

    private async Task<JsonDocument> SendForJsonAsync(HttpMethod method, string pathAndQuery, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        using var message = new HttpRequestMessage(method, new Uri(connection.PathPrefix + pathAndQuery, UriKind.Relative));
        try
        {
            using var response = await connection.Http.SendAsync(message, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var reason = await ReadErrorAsync(response, cancellationToken);
                throw new EngineRefusedException($"The engine at {Endpoint} refused {method} {pathAndQuery.Split('?')[0]}: {reason}", reason);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (IsTransportFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(ex);
        }
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : default;

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private async Task<EngineConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var key = Endpoint + "|" + _tlsCertPath;
        if (Connections.TryGetValue(key, out var existing))
        {
            return existing;
        }

        await ConnectGate.WaitAsync(cancellationToken);
        try
        {
            if (Connections.TryGetValue(key, out existing))
            {
                return existing;
            }

            EngineConnection connection;
            try
            {
                connection = await EngineConnection.OpenAsync(_endpoint, _tlsCertPath, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (IsTransportFailure(ex) || ex is JsonException or System.Security.Cryptography.CryptographicException))
            {
                throw Unavailable(ex);
            }
            catch (NotSupportedException ex)
            {
                DockerEngineLog.Unsupported(_logger, Endpoint, ex.Message);
                throw new DockerEngineUnavailableException(ex.Message, ex);
            }

            DockerEngineLog.Connected(_logger, Endpoint, connection.EngineVersion, connection.ApiVersion, connection.Os, connection.Architecture);
            Connections[key] = connection;
            return connection;
        }
        finally
        {
            ConnectGate.Release();
        }
    }

    private async Task<T> CallAsync<T>(Func<EngineConnection, Task<T>> call, EngineConnection connection)
    {
        try
        {
            return await call(connection);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw Unavailable(ex);
        }
    }

    private async Task RequestCancelAsync(EngineConnection connection, string buildId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await connection.Http.PostAsync(
                new Uri($"{connection.PathPrefix}/build/cancel?id={buildId}", UriKind.Relative), content: null, timeout.Token);
        }
        catch (Exception ex) when (IsTransportFailure(ex) || ex is OperationCanceledException)
        {
            DockerEngineLog.BuildCancelRequestFailed(_logger, buildId, ex.Message);
        }
    }

    private static async Task ReadJsonLinesAsync(HttpResponseMessage response, BuildProgressTranslator translator, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                translator.OnMessage(JsonSerializer.SerializeToElement(new { stream = line + "\n" }));
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    translator.OnMessage(document.RootElement);
                }
            }
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the best reason there is.
        }

        return text.Length > 0
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    private static bool IsTransportFailure(Exception ex) =>
        ex is HttpRequestException or SocketException or TimeoutException
        || (ex is IOException && ex is not FileNotFoundException)
        || (ex is TaskCanceledException { InnerException: TimeoutException });

    private ImageNotFoundException NotFound(string image, Exception? inner) =>
        new($"Image '{image}' does not exist on the Docker engine at {Endpoint}.", inner!);

    private DockerEngineUnavailableException Unavailable(Exception ex)
    {
        var reason = TransportReason(ex);
        DockerEngineLog.Unreachable(_logger, Endpoint, reason);
        return new DockerEngineUnavailableException(
            $"No Docker engine answers at {Endpoint} ({reason}). Start one there, or set Docker:Endpoint (or DOCKER_HOST) to the engine's address.", ex);
    }

    // What the socket said, in words: .NET reports a missing Unix socket as "Cannot assign requested address".
    private string TransportReason(Exception ex)
    {
        var socket = ex as SocketException ?? ex.InnerException as SocketException;
        var unix = Endpoint.StartsWith("unix://", StringComparison.OrdinalIgnoreCase);
        return socket?.SocketErrorCode switch
        {
            SocketError.AddressNotAvailable when unix => "there is no socket at that path",
            SocketError.ConnectionRefused when unix => "the socket exists but nothing listens on it",
            SocketError.ConnectionRefused => "the connection was refused",
            SocketError.AccessDenied => "this user may not open it",
            SocketError.HostNotFound or SocketError.NoData => "the host name does not resolve",
            SocketError.TimedOut => "it did not answer in time",
            _ => (socket?.Message ?? ex.Message).TrimEnd('.'),
        };
    }
}
