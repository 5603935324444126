using System.Diagnostics;
using System.Text.Json;
using ImageLab.Testing;

namespace ImageLab.Web.Tests.ScaleOut;

/// <summary>The plain <c>docker</c> client against a chosen engine: the truth each worker's numbers are checked against.</summary>
public static class EngineCli
{
    /// <summary><c>docker image inspect</c>'s Size on the engine at <paramref name="endpoint"/>.</summary>
    public static async Task<long> ImageSizeAsync(string endpoint, string image)
    {
        using var json = JsonDocument.Parse(await RunAsync($"docker -H '{endpoint}' image inspect '{image}'"));
        return json.RootElement[0].GetProperty("Size").GetInt64();
    }

    /// <summary>Copies the busybox fixture from the first test engine to another one that lacks it (no registry to pull from).</summary>
    public static async Task EnsureBusyboxAsync(string endpoint)
    {
        try
        {
            await RunAsync($"docker -H '{endpoint}' image inspect busybox:latest");
        }
        catch (InvalidOperationException)
        {
            await RunAsync($"docker -H '{TestEnvironment.DockerEndpoint}' save busybox:latest busybox:1.36 | docker -H '{endpoint}' load");
        }
    }

    private static async Task<string> RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"`{script}` failed ({process.ExitCode}): {await error}");
    }
}
