using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ImageLab.Core.BuildContexts;
using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Core.Reports;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImageLab.Cli.Api;

/// <summary>
/// The REST API and the builds hub as the CLI uses them. Every failure becomes a <see cref="CliException"/>
/// with a sentence and the exit code of its kind: 2 for a request the server refuses, 3 for a server that
/// cannot be reached or refuses the token.
/// </summary>
public sealed class ImageLabClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;

    public ImageLabClient(ServerAddress server)
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
        // No overall timeout: an upload of a large context may take minutes; reads get their own below.
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) })
        {
            BaseAddress = server.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (server.Token is { } token)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public ServerAddress Server { get; }

    /// <summary>Packs the folder as a tar while uploading it (never held in memory) and returns the new experiment.</summary>
    public async Task<ExperimentDetails> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new BuildContextOptions { DockerfilePaths = request.ContextDockerfiles };
        // Owned (and disposed once) by the request message below.
        var content = new MultipartFormDataContent();
        AddField(content, "name", request.Name);
        AddField(content, "project", request.Project);
        AddField(content, "builder", request.Builder);
        AddField(content, "network", request.Network ? "true" : null);
        foreach (var dockerfile in request.Dockerfiles)
        {
            AddField(content, "dockerfiles", dockerfile);
        }

        foreach (var label in request.Labels)
        {
            AddField(content, "label", label);
        }

        foreach (var buildArg in request.BuildArgs)
        {
            AddField(content, "buildArgs", buildArg);
        }

        var tar = BuildContextStream.Start((output, ct) => BuildContextWriter.WriteDirectoryAsync(request.Folder, output, options, ct), cancellationToken);
        var context = new StreamContent(tar, 64 * 1024);
        context.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        content.Add(context, "context", "context.tar");

        using var message = new HttpRequestMessage(HttpMethod.Post, "api/experiments") { Content = content };
        try
        {
            return await SendAsync<ExperimentDetails>(message, cancellationToken);
        }
        catch (CliException e) when (Find<BuildContextException>(e) is { } packing)
        {
            throw new CliException(ExitCodes.Usage, $"The build context cannot be packed: {packing.Message}", e);
        }
    }

    public Task<ExperimentDetails> GetExperimentAsync(long id, CancellationToken cancellationToken) =>
        GetAsync<ExperimentDetails>($"api/experiments/{id}", cancellationToken);

    /// <summary>The experiment's report in JSON; <paramref name="baseline"/> is an experiment id, <c>auto</c>, or null for none.</summary>
    public Task<ExperimentReport> GetReportAsync(long id, string? baseline, CancellationToken cancellationToken) =>
        GetAsync<ExperimentReport>(
            $"api/experiments/{id}/report?format=json" + (baseline is null ? "" : "&baseline=" + Uri.EscapeDataString(baseline)),
            cancellationToken);

    /// <summary>Asks for a suggested Dockerfile of a built iteration; the answer is the suggested iteration, queued.</summary>
    public async Task<SuggestionResponse> SuggestAsync(long experimentId, long iterationId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"api/experiments/{experimentId}/iterations/{iterationId}/suggestion");
        return await SendAsync<SuggestionResponse>(message, timeout.Token);
    }

    /// <summary>The suggested iteration's Dockerfile (and <c>.dockerignore</c>, when it changes it) as a patch on its source's (<c>imagelab.patch</c>).</summary>
    public async Task<string> GetPatchAsync(long experimentId, long iterationId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var message = new HttpRequestMessage(HttpMethod.Get, $"api/experiments/{experimentId}/iterations/{iterationId}/patch");
        using var response = await SendRawAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
        await EnsureSuccessAsync(response, timeout.Token);
        return await response.Content.ReadAsStringAsync(timeout.Token);
    }

    /// <summary>The <c>.dockerignore</c> a suggested iteration was built with; null when it builds with its context's own.</summary>
    public async Task<string?> GetSuggestedDockerIgnoreAsync(long experimentId, long iterationId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var message = new HttpRequestMessage(HttpMethod.Get, $"api/experiments/{experimentId}/iterations/{iterationId}/dockerignore");
        using var response = await SendRawAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
        await EnsureSuccessAsync(response, timeout.Token);
        return response.StatusCode == System.Net.HttpStatusCode.NoContent ? null : await response.Content.ReadAsStringAsync(timeout.Token);
    }

    /// <summary>The last <paramref name="count"/> lines of an iteration's build log.</summary>
    public async Task<IReadOnlyList<string>> GetLogTailAsync(long experimentId, long iterationId, int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var message = new HttpRequestMessage(HttpMethod.Get, $"api/experiments/{experimentId}/iterations/{iterationId}/log");
        using var response = await SendRawAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await EnsureSuccessAsync(response, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var tail = new Queue<string>(count);
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (tail.Count == count)
            {
                tail.Dequeue();
            }

            tail.Enqueue(line);
        }

        return [.. tail];
    }

    /// <summary>A new, not yet started connection to <c>/hubs/builds</c>.</summary>
    public HubConnection CreateHubConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "hubs/builds"), options =>
            {
                if (Server.Token is { } token)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();

    /// <summary>The sentence for a server that cannot be reached, for callers that talk to the hub.</summary>
    public CliException Unreachable(Exception e) =>
        new(ExitCodes.Unreachable, $"ImageLab cannot be reached at {Server.BaseAddress}: {Describe(e)}. Check that it runs and --url (or IMAGELAB_URL).", e);

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync<T>(message, timeout.Token);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ReportJson.Options, cancellationToken)
                ?? throw new JsonException("The answer was empty.");
        }
        catch (JsonException e)
        {
            throw new CliException(ExitCodes.Unreachable, $"ImageLab at {Server.BaseAddress} answered {message.RequestUri} with something that is not what the CLI expects: {e.Message}", e);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(message, completion, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw Find<BuildContextException>(e) is not null ? new CliException(ExitCodes.Usage, e.Message, e) : Unreachable(e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested || e.InnerException is TimeoutException)
        {
            throw Unreachable(e);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await ReadDetailAsync(response, cancellationToken);
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new CliException(ExitCodes.Unreachable,
                $"The server refused the token: {(detail.Length > 0 ? detail.TrimEnd('.') : status)}. Give a valid token with --token or IMAGELAB_TOKEN ({Server.BaseAddress})."),
            HttpStatusCode.Forbidden => new CliException(ExitCodes.Unreachable,
                $"The server refused the token: {(detail.Length > 0 ? detail.TrimEnd('.') : status)}."),
            >= HttpStatusCode.InternalServerError => new CliException(ExitCodes.Unreachable,
                $"ImageLab at {Server.BaseAddress} failed ({status}): {detail}".TrimEnd(' ', ':')),
            _ => new CliException(ExitCodes.Usage, detail.Length > 0 ? detail : $"ImageLab refused the request ({status})."),
        };
    }

    private static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind == JsonValueKind.Object
                && (problem.RootElement.TryGetProperty("detail", out var detail) || problem.RootElement.TryGetProperty("title", out detail))
                && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        return body.Length > 300 ? body[..300] : body.Trim();
    }

    private static void AddField(MultipartFormDataContent content, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            content.Add(new StringContent(value), name);
        }
    }

    private static string Describe(Exception e) =>
        Find<SocketException>(e) is { } socket ? socket.Message
        : e is OperationCanceledException ? "no answer in time"
        : e.Message.TrimEnd('.');

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }
}
