using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ImageLab.Core.Formatting;
using ImageLab.Testing;
using ImageLab.Testing.Elf;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// "Where the bytes are" in real Chromium: a Debian sample iteration that installs apt packages with their recommends is
/// built on the real engine and analysed; its files page shows each package's bytes as the packages API counts them,
/// and a package drills to its files. An image with an unstripped program drills from debug info to its .debug sections.
/// </summary>
public sealed class ByteAnatomyTests
{
    // The build and then the layer analysis (queued after it) of a 330 MB image, on a machine other tests load too.
    private static readonly TimeSpan AnalysisTimeout = TimeSpan.FromMinutes(8);

    private const string SampleDockerfile = "Dockerfile.2-slim";

    [Fact]
    public async Task SlimSample_FilesPage_ShowsThePackagesApiBytesAndDrillsToAPackagesFiles()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var page = await browser.NewPageAsync(app);
        try
        {
            var (experimentId, iterationId) = await SubmitAsync(http, "anatomy", network: true, await SampleFilesAsync());
            var packages = await WaitForPackagesAsync(http, experimentId, iterationId);
            await CheckBreakdownAsync(page, http, iterationId, packages);
        }
        catch
        {
            await BrowserSession.ScreenshotAsync(page, "failure-byte-anatomy");
            Console.WriteLine(app.Output);
            throw;
        }
    }

    [Fact]
    public async Task UnstrippedProgram_FilesPage_DrillsFromDebugInfoToItsDebugSectionBytes()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var page = await browser.NewPageAsync(app);
        try
        {
            var program = new ElfFileBuilder().Section(".text", 300_000).Section(".debug_info", 1_200_000).Section(".debug_str", 234_567).Section(".symtab", 20_000);
            var files = new Dictionary<string, byte[]>
            {
                ["Dockerfile"] = "FROM scratch\nCOPY server /app/server\n"u8.ToArray(),
                ["server"] = program.Build(),
            };
            var (experimentId, iterationId) = await SubmitAsync(http, "anatomy-debug", network: false, files);
            var packages = await WaitForPackagesAsync(http, experimentId, iterationId);
            var debugInfo = packages.GetProperty("kinds").EnumerateArray().Single(kind => kind.GetProperty("kind").GetString() == "DebugInfo");
            Assert.Equal(program.DebugBytes, debugInfo.GetProperty("bytes").GetInt64());

            await page.GotoAsync($"/iterations/{iterationId}/files");
            await Assertions.Expect(page.Locator(".debug-info-note")).ToContainTextAsync(".debug sections inside unstripped ELF programs");
            await page.Locator(".kind-row[data-kind='DebugInfo']").ClickAsync();
            var drill = page.Locator(".anatomy-files[data-subject='kind:DebugInfo']");
            await Assertions.Expect(drill.Locator(".anatomy-files-bytes")).ToHaveAttributeAsync("data-bytes", Invariant(program.DebugBytes));
            var row = drill.Locator("tr[data-path='/app/server']");
            await Assertions.Expect(row.Locator("td.num > [data-bytes]").First).ToHaveAttributeAsync("data-bytes", Invariant(program.DebugBytes));
            await Assertions.Expect(row.Locator(".file-whole-bytes")).ToHaveAttributeAsync("data-bytes", Invariant(files["server"].Length));
            await BrowserSession.ScreenshotAsync(page, "anatomy-03-debug-info");
        }
        catch
        {
            await BrowserSession.ScreenshotAsync(page, "failure-byte-anatomy-debug-info");
            Console.WriteLine(app.Output);
            throw;
        }
    }

    private static async Task CheckBreakdownAsync(IPage page, HttpClient http, long iterationId, JsonElement packages)
    {
        await page.GotoAsync($"/iterations/{iterationId}/files");
        var headline = page.Locator(".anatomy-headline");
        await Assertions.Expect(headline).ToHaveAttributeAsync("data-total-bytes", Invariant(packages.GetProperty("totalBytes").GetInt64()));
        await Assertions.Expect(headline).ToContainTextAsync("uncompressed");

        // The sample installs with apt's recommends: a recommends-only package is listed with its bytes and why it is there.
        var listed = packages.GetProperty("packages").EnumerateArray().ToList();
        var recommended = listed.First(package => package.GetProperty("reason").ValueKind == JsonValueKind.Object
            && package.GetProperty("reason").GetProperty("kind").GetString() == "recommendsOnly");
        var name = recommended.GetProperty("name").GetString()!;
        var bytes = recommended.GetProperty("bytes").GetInt64();
        var row = page.Locator($".package-table tr[data-package='{name}'][data-manager='dpkg']");
        await Assertions.Expect(row.Locator(".package-bytes")).ToHaveAttributeAsync("data-bytes", Invariant(bytes));
        await Assertions.Expect(row.Locator(".package-bytes")).ToHaveTextAsync(ByteSize.Format(bytes));
        await Assertions.Expect(row.Locator(".package-reason")).ToContainTextAsync("only recommended by " + recommended.GetProperty("reason").GetProperty("via")[0].GetString());

        // Every package row of the first page says the API's bytes.
        foreach (var package in listed.Where(package => package.GetProperty("manager").GetString() == "dpkg"))
        {
            await Assertions.Expect(page.Locator($".package-table tr[data-package='{package.GetProperty("name").GetString()}'][data-manager='dpkg'] .package-bytes"))
                .ToHaveAttributeAsync("data-bytes", Invariant(package.GetProperty("bytes").GetInt64()));
        }

        await BrowserSession.ScreenshotAsync(page, "anatomy-01-breakdown");

        // Drill: the package's files, as /packages/files lists them, largest first.
        await row.Locator(".package-name").ClickAsync();
        var drill = page.Locator($".anatomy-files[data-subject='dpkg:{name}']");
        await Assertions.Expect(drill.Locator(".anatomy-files-bytes")).ToHaveAttributeAsync("data-bytes", Invariant(bytes));
        var files = await http.GetFromJsonAsync<JsonElement>($"/api/iterations/{iterationId}/packages/files?manager=dpkg&name={Uri.EscapeDataString(name)}&limit=5");
        Assert.Equal(bytes, files.GetProperty("bytes").GetInt64());
        await Assertions.Expect(drill).ToContainTextAsync(files.GetProperty("totalCount").GetInt32().ToString("N0", CultureInfo.InvariantCulture) + (files.GetProperty("totalCount").GetInt32() == 1 ? " file" : " files"));
        var largest = files.GetProperty("files")[0];
        var largestRow = drill.Locator("tr[data-path]").First;
        await Assertions.Expect(largestRow).ToHaveAttributeAsync("data-path", largest.GetProperty("path").GetString()!);
        await Assertions.Expect(largestRow.Locator("[data-bytes]")).ToHaveAttributeAsync("data-bytes", Invariant(largest.GetProperty("bytes").GetInt64()));
        await BrowserSession.ScreenshotAsync(page, "anatomy-02-package-files");
    }

    private static async Task<Dictionary<string, byte[]>> SampleFilesAsync()
    {
        var sample = Path.Combine(TestEnvironment.SamplesFolder, "python-offline");
        var files = new Dictionary<string, byte[]>();
        foreach (var file in new[] { SampleDockerfile, "packages.txt", "main.py" })
        {
            files[file] = await File.ReadAllBytesAsync(Path.Combine(sample, file));
        }
        return files;
    }

    private static async Task<(long ExperimentId, long IterationId)> SubmitAsync(HttpClient http, string project, bool network, Dictionary<string, byte[]> files)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(project), "project" },
            { new StringContent(network ? "true" : "false"), "network" },
        };
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }

        using var response = await http.PostAsync(new Uri("/api/experiments", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var experiment = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (experiment.GetProperty("id").GetInt64(), experiment.GetProperty("iterations")[0].GetProperty("id").GetInt64());
    }

    // The packages answer once the build succeeded and its analysis is stored (409 until then); a failed build fails at once.
    private static async Task<JsonElement> WaitForPackagesAsync(HttpClient http, long experimentId, long iterationId)
    {
        using var timeout = new CancellationTokenSource(AnalysisTimeout);
        while (true)
        {
            using var response = await http.GetAsync(new Uri($"/api/iterations/{iterationId}/packages?limit=25", UriKind.Relative), timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            }

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var experiment = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/experiments/{experimentId}", UriKind.Relative), timeout.Token);
            var iteration = experiment.GetProperty("iterations")[0];
            Assert.True(iteration.GetProperty("status").GetString() is not ("Failed" or "Canceled"), $"The sample build did not succeed: {iteration}");
            await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
