using System.Net;
using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using ImageLab.Docker.Transport;

namespace ImageLab.Docker.Engine;

/// <summary>Running a command once in a container (<c>docker run --rm</c>, bounded): create, start, wait, logs, remove.</summary>
public sealed partial class DockerEngine
{
    public async Task<ContainerRunResult> RunContainerAsync(ContainerRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfZero(request.Command.Count);
        var connection = await ConnectAsync(cancellationToken);
        CreateContainerResponse created;
        try
        {
            created = await CallAsync(c => c.Client.Containers.CreateContainerAsync(CreateParameters(request), cancellationToken), connection);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw NotFound(request.Image, ex);
        }

        try
        {
            return await RunCreatedAsync(connection, created.ID, request, cancellationToken);
        }
        finally
        {
            // Always removed, also when the run was cancelled: nothing of a check outlives it.
            await RemoveContainerQuietlyAsync(connection, created.ID);
        }
    }

    // The entrypoint is replaced by the command's first word, so the image's own ENTRYPOINT and CMD take no part.
    private static CreateContainerParameters CreateParameters(ContainerRunRequest request) => new()
    {
        Image = request.Image,
        Entrypoint = [request.Command[0]],
        Cmd = [.. request.Command.Skip(1)],
        Labels = new Dictionary<string, string>(request.Labels, StringComparer.Ordinal),
        NetworkDisabled = request.NetworkMode == "none",
        HostConfig = new HostConfig
        {
            NetworkMode = request.NetworkMode,
            Memory = request.MemoryBytes,
            MemorySwap = request.MemoryBytes,
            PidsLimit = request.MaxProcesses,
            SecurityOpt = ["no-new-privileges"],
        },
    };

    private async Task<ContainerRunResult> RunCreatedAsync(EngineConnection connection, string id, ContainerRunRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(c => c.Client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken), connection);
        }
        catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.InternalServerError)
        {
            return new ContainerRunResult(null, "", TimedOut: false, OutOfMemory: false, OutputTruncated: false, StartError: MessageOf(ex));
        }

        long? exitCode = null;
        var timedOut = false;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(request.Timeout);
            try
            {
                exitCode = (await CallAsync(c => c.Client.Containers.WaitContainerAsync(id, timeout.Token), connection)).StatusCode;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                timedOut = true;
                await KillQuietlyAsync(connection, id);
            }
        }

        var state = (await CallAsync(c => c.Client.Containers.InspectContainerAsync(id, cancellationToken), connection)).State;
        var (output, truncated) = await ReadLogsAsync(connection, id, request.MaxOutputBytes, cancellationToken);
        return new ContainerRunResult(timedOut ? null : exitCode, output, timedOut, state?.OOMKilled == true, truncated);
    }

    private async Task<(string Output, bool Truncated)> ReadLogsAsync(EngineConnection connection, string id, int maxBytes, CancellationToken cancellationToken)
    {
        using var stream = await CallAsync(
            c => c.Client.Containers.GetContainerLogsAsync(id, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, cancellationToken), connection);
        var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
            if (read.EOF)
            {
                return (Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length), false);
            }

            var room = maxBytes - (int)kept.Length;
            kept.Write(buffer, 0, Math.Min(room, read.Count));
            if (read.Count > room)
            {
                return (Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length), true);
            }
        }
    }

    private static async Task KillQuietlyAsync(EngineConnection connection, string id)
    {
        try
        {
            await connection.Client.Containers.KillContainerAsync(id, new ContainerKillParameters(), CancellationToken.None);
        }
        catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // It ended on its own between the timeout and the kill.
        }
    }

    private async Task RemoveContainerQuietlyAsync(EngineConnection connection, string id)
    {
        try
        {
            await connection.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
            DockerEngineLog.ContainerRemoved(_logger, id);
        }
        catch (Exception ex) when (ex is DockerApiException || IsTransportFailure(ex))
        {
            DockerEngineLog.ContainerNotRemoved(_logger, id, ex.Message);
        }
    }

    // The engine's JSON error ({"message": ...}) in words.
    private static string MessageOf(DockerApiException ex)
    {
        try
        {
            using var json = JsonDocument.Parse(ex.ResponseBody ?? "");
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body itself is the reason.
        }

        return string.IsNullOrWhiteSpace(ex.ResponseBody) ? ex.Message : ex.ResponseBody.Trim();
    }
}
