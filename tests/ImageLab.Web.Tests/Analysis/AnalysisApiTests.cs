using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Testing;
using ImageLab.Web.Authentication;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImageLab.Web.Tests.Analysis;

/// <summary>
/// The analysis endpoints on the real app: two small iterations of the sample ladder are submitted, built by the
/// worker against the test engine and analyzed; the answers are checked against the engine and the sample files.
/// </summary>
public sealed class AnalysisApiTests : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private readonly TestLog _log = new();
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private long _experiment;
    private long _cleaned;
    private long _minimal;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync("imagelab_api");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("ConnectionStrings:ImageLab", _database.ConnectionString)
            .UseSetting("Docker:Endpoint", TestEnvironment.DockerEndpoint)
            .UseSetting("Docker:NetworkMode", "host")
            .UseSetting("Database:MigrateOnStart", "true")
            .UseSetting("Worker:KeepImagesOfLatestExperiments", "0")
            .ConfigureLogging(logging => logging.ClearProviders().AddProvider(_log)));
        _client = _factory.CreateClient();
        var users = _factory.Services.GetRequiredService<UserAdministration>();
        await users.CreateAsync("analysis-admin", ImageLabRoles.Admin, password: null, "tests", CancellationToken.None);
        var token = await users.CreateTokenAsync("analysis-admin", "tests", "tests", CancellationToken.None);
        _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Token);

        // The first experiment is labelled as the project's main branch: the baseline of any later one.
        using var experiment = await SubmitAsync("api analysis", ["Dockerfile.5-cleaned", "Dockerfile.4-minimal"], label: "branch=main");
        _experiment = experiment.RootElement.GetProperty("id").GetInt64();
        var ids = experiment.RootElement.GetProperty("iterations").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        (_cleaned, _minimal) = (ids[0], ids[1]);

        // The worker builds both; the analysis worker analyzes each beside the builds, push sizes last.
        foreach (var id in ids)
        {
            await AnalysisPolling.WaitForAsync(_client, id, TimeSpan.FromMinutes(5));
        }
    }

    /// <summary>Submits the python-offline sample with <paramref name="dockerfiles"/> as an experiment of the tests' project.</summary>
    private async Task<JsonDocument> SubmitAsync(string name, string[] dockerfiles, string? label = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(name), "name" },
            { new StringContent("analysis-api-tests"), "project" },
            { new StringContent("Classic"), "builder" },
            { new StringContent("true"), "network" },
        };
        foreach (var dockerfile in dockerfiles)
        {
            form.Add(new StringContent(dockerfile), "dockerfiles");
        }
        if (label is not null)
        {
            form.Add(new StringContent(label), "label");
        }
        foreach (var file in Directory.GetFiles(Path.Combine(TestEnvironment.SamplesFolder, "python-offline")))
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "files", Path.GetFileName(file));
        }

        using var created = await _client.PostAsync(new Uri("/api/experiments", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task GetAnalysis_AnalyzedIteration_HasTheEnginesLayersAndPushSize()
    {
        using var analysis = JsonDocument.Parse(await _client.GetStringAsync(new Uri($"/api/iterations/{_cleaned}/analysis", UriKind.Relative)));
        var root = analysis.RootElement;
        var imageId = await ImageIdAsync(_cleaned);
        using var inspect = JsonDocument.Parse(await DockerCli.RunAsync("image", "inspect", imageId));
        var diffIds = inspect.RootElement[0].GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(l => l.GetString()).ToList();

        var layers = root.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(diffIds, layers.Select(l => l.GetProperty("diffId").GetString()).ToList());
        Assert.Equal(root.GetProperty("compressedSizeBytes").GetInt64(), layers.Sum(l => l.GetProperty("compressedSizeBytes").GetInt64()));
        Assert.InRange(root.GetProperty("efficiency").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("wastedBytes").GetInt64() >= 0);
        Assert.True(root.TryGetProperty("userWastedPercent", out _));
        Assert.All(layers, l =>
        {
            Assert.True(l.TryGetProperty("fileCount", out _));
            Assert.True(l.TryGetProperty("addedBytes", out _));
            Assert.True(l.TryGetProperty("deletedCount", out _));
            Assert.True(l.TryGetProperty("largestFiles", out _));
            Assert.True(l.TryGetProperty("findings", out _));
        });
    }

    [Fact]
    public async Task ListFiles_AppDirectory_ShowsMainPyWithItsSize()
    {
        using var listing = JsonDocument.Parse(await _client.GetStringAsync(new Uri($"/api/iterations/{_cleaned}/files?path=/app", UriKind.Relative)));
        var main = listing.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "main.py");
        Assert.Equal(new FileInfo(Path.Combine(TestEnvironment.SamplesFolder, "python-offline", "main.py")).Length, main.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("File", main.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ListFiles_SortBySizeAndPaged_ReturnsLargestFirstWithTotals()
    {
        var first = await ListAsync($"/api/iterations/{_minimal}/files?path=/&sort=size&limit=2");
        var second = await ListAsync($"/api/iterations/{_minimal}/files?path=/&sort=size&offset=2&limit=2");
        var all = await ListAsync($"/api/iterations/{_minimal}/files?path=/&sort=size&limit=1000");

        var sizes = all.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sizeBytes").GetInt64()).ToList();
        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        Assert.Equal(all.GetProperty("totalCount").GetInt32(), sizes.Count);
        Assert.Equal(sizes.Take(4), first.GetProperty("entries").EnumerateArray().Concat(second.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("sizeBytes").GetInt64()));
        Assert.Equal(sizes.Sum(), all.GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task Compare_TwoIterations_AccountsForEveryByte()
    {
        using var comparison = JsonDocument.Parse(await _client.GetStringAsync(new Uri($"/api/compare?a={_cleaned}&b={_minimal}&limit=5", UriKind.Relative)));
        var root = comparison.RootElement;
        var a = await AnalysisAsync(_cleaned);
        var b = await AnalysisAsync(_minimal);
        Assert.Equal(a.GetProperty("contentBytes").GetInt64(), root.GetProperty("totalBytesA").GetInt64());
        Assert.Equal(b.GetProperty("contentBytes").GetInt64(), root.GetProperty("totalBytesB").GetInt64());
        Assert.Equal(a.GetProperty("compressedSizeBytes").GetInt64(), root.GetProperty("compressedBytesA").GetInt64());
        Assert.True(root.GetProperty("onlyInA").GetProperty("count").GetInt32() + root.GetProperty("onlyInB").GetProperty("count").GetInt32() + root.GetProperty("changed").GetProperty("count").GetInt32() > 0);
        Assert.True(root.GetProperty("onlyInA").GetProperty("files").GetArrayLength() <= 5);
        Assert.NotEmpty(root.GetProperty("layers").EnumerateArray());
    }

    [Fact]
    public async Task ListPackages_AnalyzedIteration_PackagesUnownedAndKindsAddUpToTheEnginesSize()
    {
        var packages = await ListAsync($"/api/iterations/{_cleaned}/packages");
        using var inspect = JsonDocument.Parse(await DockerCli.RunAsync("image", "inspect", await ImageIdAsync(_cleaned)));

        var total = packages.GetProperty("totalBytes").GetInt64();
        Assert.Equal(inspect.RootElement[0].GetProperty("Size").GetInt64(), total);
        Assert.Equal(total, packages.GetProperty("packageBytes").GetInt64() + packages.GetProperty("unownedBytes").GetInt64());
        Assert.Equal(packages.GetProperty("unownedBytes").GetInt64(), packages.GetProperty("unowned").EnumerateArray().Sum(f => f.GetProperty("bytes").GetInt64()));
        Assert.Equal(total, packages.GetProperty("kinds").EnumerateArray().Sum(k => k.GetProperty("bytes").GetInt64()));
        var app = packages.GetProperty("unowned").EnumerateArray().Single(f => f.GetProperty("folder").GetString() == "/app");
        Assert.Equal(new FileInfo(Path.Combine(TestEnvironment.SamplesFolder, "python-offline", "main.py")).Length, app.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task ListPackageFiles_UnownedFolder_ListsItsFilesLargestFirst()
    {
        var files = await ListAsync($"/api/iterations/{_cleaned}/packages/files?folder=/usr/lib&limit=3");

        var sizes = files.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("bytes").GetInt64()).ToList();
        Assert.Equal(3, sizes.Count);
        Assert.Equal(sizes.OrderByDescending(size => size), sizes);
        Assert.True(files.GetProperty("totalCount").GetInt32() > 3);
        Assert.All(files.GetProperty("files").EnumerateArray(), f => Assert.StartsWith("/usr/lib/", f.GetProperty("path").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListPackageFiles_Kind_ListsOnlyThatKindWithTheKindsBytes()
    {
        var packages = await ListAsync($"/api/iterations/{_minimal}/packages");
        var files = await ListAsync($"/api/iterations/{_minimal}/packages/files?kind=bytecodeCaches&limit=5");

        var kind = packages.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "BytecodeCaches");
        Assert.Equal(kind.GetProperty("bytes").GetInt64(), files.GetProperty("bytes").GetInt64());
        Assert.Equal(kind.GetProperty("fileCount").GetInt32(), files.GetProperty("totalCount").GetInt32());
        Assert.Equal(5, files.GetProperty("files").GetArrayLength());
        Assert.All(files.GetProperty("files").EnumerateArray(), f => Assert.Equal("BytecodeCaches", f.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Compare_TwoIterations_BlamesTheStepThatChangedTheSize()
    {
        using var comparison = JsonDocument.Parse(await _client.GetStringAsync(new Uri($"/api/compare?a={_minimal}&b={_cleaned}", UriKind.Relative)));
        var blame = comparison.RootElement.GetProperty("blame");
        var a = await ListAsync($"/api/iterations/{_minimal}/packages");
        var b = await ListAsync($"/api/iterations/{_cleaned}/packages");

        var delta = b.GetProperty("totalBytes").GetInt64() - a.GetProperty("totalBytes").GetInt64();
        Assert.True(delta < 0, "the cleaned image is smaller than the minimal one");
        Assert.Equal(delta, blame.GetProperty("deltaBytes").GetInt64());
        var top = blame.GetProperty("topCauses")[0];
        Assert.True(top.GetProperty("detail").ValueKind == JsonValueKind.Object, blame.GetRawText());
        var dockerfile = await File.ReadAllLinesAsync(Path.Combine(TestEnvironment.SamplesFolder, "python-offline", "Dockerfile.5-cleaned"));
        var copyLine = Array.FindIndex(dockerfile, line => line.StartsWith("COPY --from=builder", StringComparison.Ordinal)) + 1;
        Assert.Equal($"line {copyLine} `{dockerfile[copyLine - 1]}`", top.GetProperty("subject").GetString());
        Assert.StartsWith("/usr/lib", top.GetProperty("detail").GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal(delta, blame.GetProperty("topCauses").EnumerateArray().Sum(c => c.GetProperty("deltaBytes").GetInt64()));
        Assert.Contains(blame.GetProperty("byKind").EnumerateArray(), k => k.GetProperty("subject").GetString() == "BytecodeCaches" && k.GetProperty("deltaBytes").GetInt64() < 0);
    }

    [Fact]
    public async Task Compare_MinimalAfterCleaned_NamesTheDockerfileLineThatGrew()
    {
        // Arrange: the minimal Dockerfile copies the runtime at its own line, with the caches the cleaned one removes.
        var dockerfile = await File.ReadAllLinesAsync(Path.Combine(TestEnvironment.SamplesFolder, "python-offline", "Dockerfile.4-minimal"));
        var copyLine = Array.FindIndex(dockerfile, line => line.StartsWith("COPY --from=builder", StringComparison.Ordinal)) + 1;

        // Act
        using var comparison = JsonDocument.Parse(await _client.GetStringAsync(new Uri($"/api/compare?a={_cleaned}&b={_minimal}", UriKind.Relative)));

        // Assert
        var top = comparison.RootElement.GetProperty("blame").GetProperty("topCauses")[0];
        Assert.True(top.GetProperty("deltaBytes").GetInt64() > 0, top.GetRawText());
        Assert.Equal($"line {copyLine} `{dockerfile[copyLine - 1]}`", top.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Compare_ExperimentWithoutBaseline_SaysSoInWords()
    {
        using var response = await _client.GetAsync(new Uri($"/api/compare?experiment={_experiment}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Experiment {_experiment} has no baseline: no earlier succeeded experiment of analysis-api-tests is labelled branch=main.",
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_ExperimentAgainstItsBaseline_ComparesTheFinalIterationWithTheBaselinesNamesake()
    {
        // Arrange: a later experiment of the project builds the minimal Dockerfile again (from the engine's cache).
        using var experiment = await SubmitAsync("api analysis again", ["Dockerfile.4-minimal"]);
        var id = experiment.RootElement.GetProperty("id").GetInt64();
        var iteration = experiment.RootElement.GetProperty("iterations")[0].GetProperty("id").GetInt64();
        await AnalysisPolling.WaitForAsync(_client, iteration, TimeSpan.FromMinutes(5));

        // Act
        using var comparison = JsonDocument.Parse(await _client.GetStringAsync(new Uri($"/api/compare?experiment={id}", UriKind.Relative)));

        // Assert
        var root = comparison.RootElement;
        var baseline = root.GetProperty("baseline");
        Assert.Equal((_experiment, _minimal, iteration), (baseline.GetProperty("baselineExperimentId").GetInt64(), baseline.GetProperty("baselineIterationId").GetInt64(), baseline.GetProperty("iterationId").GetInt64()));
        Assert.Equal((_minimal, iteration), (root.GetProperty("a").GetInt64(), root.GetProperty("b").GetInt64()));
        Assert.Equal("newest succeeded experiment of analysis-api-tests labelled branch=main", baseline.GetProperty("chosenBecause").GetString());
        var a = await ListAsync($"/api/iterations/{_minimal}/packages");
        var b = await ListAsync($"/api/iterations/{iteration}/packages");
        Assert.Equal(b.GetProperty("totalBytes").GetInt64() - a.GetProperty("totalBytes").GetInt64(), root.GetProperty("blame").GetProperty("deltaBytes").GetInt64());
    }

    [Theory]
    [InlineData("/api/iterations/987654/packages", HttpStatusCode.NotFound)]
    [InlineData("/api/iterations/1/packages?manager=rpm", HttpStatusCode.BadRequest)]
    [InlineData("/api/iterations/1/packages/files", HttpStatusCode.BadRequest)]
    [InlineData("/api/iterations/1/packages/files?kind=junk", HttpStatusCode.BadRequest)]
    [InlineData("/api/iterations/1/packages/files?kind=documentation&folder=/app", HttpStatusCode.BadRequest)]
    [InlineData("/api/iterations/987654/analysis", HttpStatusCode.NotFound)]
    [InlineData("/api/iterations/987654/files", HttpStatusCode.NotFound)]
    [InlineData("/api/compare?a=987654&b=1", HttpStatusCode.NotFound)]
    [InlineData("/api/compare?a=1", HttpStatusCode.BadRequest)]
    public async Task Endpoints_MissingIterationOrArguments_AnswerWithAProblemSentence(string url, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith(".", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ListFiles_BadSortOrMissingDirectory_AnswerWithAProblemSentence()
    {
        using var badSort = await _client.GetAsync(new Uri($"/api/iterations/{_cleaned}/files?sort=colour", UriKind.Relative));
        using var missing = await _client.GetAsync(new Uri($"/api/iterations/{_cleaned}/files?path=/no/such/dir", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("/no/such/dir", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> ListAsync(string url) =>
        JsonDocument.Parse(await _client.GetStringAsync(new Uri(url, UriKind.Relative))).RootElement.Clone();

    private async Task<JsonElement> AnalysisAsync(long id) => await ListAsync($"/api/iterations/{id}/analysis");

    private async Task<string> ImageIdAsync(long iterationId)
    {
        var experiments = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/experiments", UriKind.Relative)));
        var experimentId = experiments.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
        using var experiment = JsonDocument.Parse(await _client.GetStringAsync(new Uri($"/api/experiments/{experimentId}", UriKind.Relative)));
        return experiment.RootElement.GetProperty("iterations").EnumerateArray()
            .Single(i => i.GetProperty("id").GetInt64() == iterationId).GetProperty("imageId").GetString()!;
    }
}
