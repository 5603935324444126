using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// A busybox build (no network) whose RUN prints batches of "tick n uptime" lines every 0.1 s for a while, the uptime
/// being the kernel's when the container printed the batch; the app's host shares that clock, so a viewer can tell how
/// far behind the container it is. A fresh run id keeps the engine's build cache from answering without running it.
/// </summary>
internal static partial class TickingBuild
{
    public static string Dockerfile(int seconds, int linesPerBatch) => string.Join('\n',
        "FROM busybox:1.36",
        $"RUN echo run {Guid.NewGuid():N}; end=$(( $(cut -d. -f1 /proc/uptime) + {seconds.ToString(CultureInfo.InvariantCulture)} )); n=0; "
            + "while [ $(cut -d. -f1 /proc/uptime) -lt $end ]; do u=$(cut -d' ' -f1 /proc/uptime); "
            + $"for i in $(seq 1 {linesPerBatch.ToString(CultureInfo.InvariantCulture)}); do n=$((n+1)); echo \"tick $n $u\"; done; usleep 100000; done; echo \"done $n\"",
        "");

    /// <summary>Submits <paramref name="dockerfile"/> alone as an experiment of <paramref name="project"/>; its id.</summary>
    public static async Task<long> SubmitAsync(HttpClient http, string project, string dockerfile)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(project), "project" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(dockerfile)), "files", "Dockerfile" },
        };
        using var response = await http.PostAsync(new Uri("/api/experiments", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>
    /// The number and printing uptime of the tick line in a text, or of the newest one when it holds many (a Blazor render
    /// batch decoded as UTF-8); null when it holds none. The uptime has exactly two decimals (/proc/uptime): in a render
    /// batch the next string may start with a digit.
    /// </summary>
    public static (long Number, double PrintedAt)? Parse(string? text) =>
        text is null
            ? null
            : TickPattern().Matches(text)
                .Select(m => (Number: long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), PrintedAt: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
                .DefaultIfEmpty()
                .MaxBy(tick => tick.Number) is { Number: > 0 } newest ? newest : null;

    /// <summary>The newest tick line a page's log viewer shows, or null.</summary>
    public static async Task<(long Number, double PrintedAt)?> NewestShownAsync(Microsoft.Playwright.IPage page) =>
        Parse(await page.EvaluateAsync<string?>(
            "() => { const lines = document.querySelectorAll('.log-line .log-text'); for (let i = lines.length - 1; i >= 0; i--) { const t = lines[i].textContent; if (t.indexOf('tick ') >= 0) { return t; } } return null; }"));

    [System.Text.RegularExpressions.GeneratedRegex(@"tick (\d+) (\d+\.\d\d)")]
    private static partial System.Text.RegularExpressions.Regex TickPattern();

    public static double Uptime() =>
        double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
}
