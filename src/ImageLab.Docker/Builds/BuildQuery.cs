using System.Globalization;
using System.Text;
using System.Text.Json;
using ImageLab.Core.Builds;
using ImageLab.Docker.Engine;

namespace ImageLab.Docker.Builds;

/// <summary>The query string of <c>POST /build</c> for one <see cref="BuildRequest"/>.</summary>
internal static class BuildQuery
{
    /// <summary>The label every image ImageLab builds carries, so that it can be found and cleaned up.</summary>
    public const string ManagedLabel = "imagelab.managed";

    private const long CpuPeriodMicroseconds = 100_000;

    public static string Create(BuildRequest request, string buildId)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("version", request.Builder == BuilderKind.Classic ? "1" : "2"),
            new("dockerfile", request.DockerfilePath),
            new("networkmode", request.NetworkMode switch
            {
                BuildNetworkMode.Host => "host",
                BuildNetworkMode.None => "none",
                _ => "default",
            }),
            new("rm", "1"),
            new("forcerm", "1"),
            new("buildid", buildId),
        };
        foreach (var tag in request.Tags)
        {
            query.Add(new("t", tag));
        }

        var labels = new Dictionary<string, string>(request.Labels, StringComparer.Ordinal) { [ManagedLabel] = "true" };
        query.Add(new("labels", JsonSerializer.Serialize(labels)));
        if (request.BuildArgs.Count > 0)
        {
            query.Add(new("buildargs", JsonSerializer.Serialize(request.BuildArgs)));
        }

        if (!string.IsNullOrEmpty(request.Target))
        {
            query.Add(new("target", request.Target));
        }

        if (request.NoCache)
        {
            query.Add(new("nocache", "1"));
        }

        if (request.Pull)
        {
            query.Add(new("pull", "1"));
        }

        if (request.MemoryBytes is { } memory)
        {
            var bytes = memory.ToString(CultureInfo.InvariantCulture);
            query.Add(new("memory", bytes));
            query.Add(new("memswap", bytes));
        }

        if (request.Cpus is { } cpus)
        {
            query.Add(new("cpuperiod", CpuPeriodMicroseconds.ToString(CultureInfo.InvariantCulture)));
            query.Add(new("cpuquota", ((long)Math.Round(cpus * CpuPeriodMicroseconds)).ToString(CultureInfo.InvariantCulture)));
        }

        var text = new StringBuilder();
        foreach (var (key, value) in query)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }
}
