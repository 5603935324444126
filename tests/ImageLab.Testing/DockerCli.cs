using System.Diagnostics;
using System.Text.Json;

namespace ImageLab.Testing;

/// <summary>The plain <c>docker</c> client against the test engine: the truth ImageLab's numbers are checked against.</summary>
public static class DockerCli
{
    public static Task<string> RunAsync(params string[] args) => RunOnAsync(TestEnvironment.DockerEndpoint, args);

    /// <summary>The client against another engine (e.g. one of <see cref="TestEnvironment.Engines"/>).</summary>
    public static async Task<string> RunOnAsync(string endpoint, params string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-H");
        start.ArgumentList.Add(endpoint);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOCKER_BUILDKIT"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    /// <summary><c>docker image inspect</c>'s Size.</summary>
    public static async Task<long> ImageSizeAsync(string image, string? endpoint = null)
    {
        using var json = JsonDocument.Parse(await RunOnAsync(endpoint ?? TestEnvironment.DockerEndpoint, "image", "inspect", image));
        return json.RootElement[0].GetProperty("Size").GetInt64();
    }

    /// <summary>Whether the engine holds the image (by full id).</summary>
    public static async Task<bool> ImageExistsAsync(string imageId, string? endpoint = null) =>
        (await RunOnAsync(endpoint ?? TestEnvironment.DockerEndpoint, "images", "--quiet", "--no-trunc")).Contains(imageId, StringComparison.Ordinal);

    /// <summary><c>docker history --no-trunc</c> rows, newest first: created-by and size in bytes.</summary>
    public static async Task<IReadOnlyList<(string CreatedBy, long Size)>> HistoryAsync(string image, string? endpoint = null)
    {
        var output = await RunOnAsync(endpoint ?? TestEnvironment.DockerEndpoint, "history", "--no-trunc", "--human=false", "--format", "{{json .}}", image);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line =>
            {
                using var row = JsonDocument.Parse(line);
                return (row.RootElement.GetProperty("CreatedBy").GetString() ?? "",
                    long.Parse(row.RootElement.GetProperty("Size").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            })
            .ToList();
    }
}
