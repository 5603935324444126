using System.Diagnostics;
using System.Formats.Tar;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Xunit.Abstractions;

namespace ImageLab.Web.Tests.Hosting;

/// <summary>
/// Issue 13 against the real app process: hostile Dockerfiles (a FROM nesting ${U:-...} 170,000 deep in 1 MB, more lines
/// than allowed through continuations or a here-document, more stages than allowed) sent to every entry point are
/// answered 400 with a sentence and the process stays up; wildcard COPY sources against many context files, long lines,
/// many continuations and here-documents within the limits are answered; paging out of range, over-long fields and
/// anonymous health checks never produce a 500 or leak details. Times go to the test output, not into assertions
/// (bench/hostile-inputs.sh measures them).
/// </summary>
public sealed class HostileRequestTests(HostileRequestTests.App app, ITestOutputHelper output) : IClassFixture<HostileRequestTests.App>
{
    private static readonly Dictionary<string, (string Text, string Sentence)> Refused = new()
    {
        ["deep nesting"] = ("FROM " + string.Concat(Enumerable.Repeat("${U:-", 170_000)) + "alpine" + new string('}', 170_000) + "\nRUN echo hi\n",
            "nests variable substitutions (${A:-${B:-...}}) more than 32 deep on line 1"),
        ["many continuations"] = ("FROM alpine\nRUN true \\\n" + string.Concat(Enumerable.Repeat("  && echo more \\\n", 10_000)) + "  && true\n",
            "has more than 10,000 lines"),
        ["long here-document"] = ("FROM alpine\nRUN <<EOF\n" + string.Concat(Enumerable.Repeat("echo line\n", 10_000)) + "EOF\n",
            "has more than 10,000 lines"),
        ["many stages"] = (string.Concat(Enumerable.Range(0, 129).Select(i => $"FROM alpine AS s{i}\nRUN echo {i}\n")),
            "has more than 128 build stages (FROM lines); line 257 starts one too many"),
    };

    private static readonly string[] Accepted =
    [
        "FROM alpine\nRUN " + string.Concat(Enumerable.Repeat("a|", 300_000)) + "a\n",
        "FROM alpine\nRUN " + string.Concat(Enumerable.Repeat("apt-get install -y pkg \\\n", 9_000)) + "true\n",
        "FROM alpine\n" + string.Concat(Enumerable.Repeat("RUN <<A <<B\nx\nA\ny\nB\n", 1_600)),
        "FROM alpine\nENV " + string.Concat(Enumerable.Repeat("K=v ", 200_000)) + "\n",
    ];

    public static TheoryData<string, string> RefusedAtEveryEntryPoint()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Refused.Keys)
        {
            foreach (var entryPoint in new[] { "analyze text", "analyze json", "submit files", "submit tar archive", "submit zip archive" })
            {
                data.Add(name, entryPoint);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedAtEveryEntryPoint))]
    public async Task Post_HostileDockerfile_BadRequestWithASentenceAndTheProcessLives(string hostile, string entryPoint)
    {
        // Arrange
        var (text, sentence) = Refused[hostile];
        Assert.InRange(Encoding.UTF8.GetByteCount(text), 1, 1024 * 1024);
        using var client = app.Process.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        using HttpContent content = entryPoint switch
        {
            "analyze text" => new StringContent(text, Encoding.UTF8, "text/plain"),
            "analyze json" => JsonContent.Create(new { dockerfile = text }),
            "submit files" => ExperimentUpload.FromFiles([("Dockerfile", text)], ("project", "hostile")),
            "submit tar archive" => ExperimentUpload.FromArchive(Tar(("Dockerfile", text)), "context.tar", ("project", "hostile")),
            _ => ExperimentUpload.FromArchive(Zip(("Dockerfile", text)), "context.zip", ("project", "hostile")),
        };
        var path = entryPoint.StartsWith("analyze", StringComparison.Ordinal) ? "/api/dockerfiles/analyze" : "/api/experiments";

        // Act
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        output.WriteLine($"{hostile}, {entryPoint}: answered {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms (wall time)");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(sentence, problem!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(app.Process.HasExited);
    }

    [Fact]
    public async Task Analyze_HostileDockerfilesWithinTheLimits_AnsweredAndTheProcessLives()
    {
        // Arrange
        using var client = app.Process.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);

        foreach (var text in Accepted)
        {
            // Act
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync(new Uri("/api/dockerfiles/analyze", UriKind.Relative), new StringContent(text, Encoding.UTF8, "text/plain"));
            output.WriteLine($"{text[..30].ReplaceLineEndings(" ")}... ({text.Length:N0} characters): answered {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms (wall time)");

            // Assert
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.False(app.Process.HasExited);
    }

    [Fact]
    public async Task Analyze_WildcardSourcesAgainstManyContextFiles_AnsweredAndTheProcessLives()
    {
        // Arrange: before, every pair of COPY source and context file ran a backtracking regular expression (up to 50 ms
        // each): 40 sources like a*a*a*...b against 4,000 names of 150 'a's kept a request thread for hours.
        var sources = string.Join(' ', Enumerable.Range(0, 40).Select(i => string.Concat(Enumerable.Repeat("a*", 12)) + $"b{i}"));
        var files = Enumerable.Range(0, 4_000).Select(i => new { path = new string('a', 150) + i, sizeBytes = 200_000_000 }).ToList();
        files.Add(new { path = "models/big.bin", sizeBytes = 300_000_000 });
        using var client = app.Process.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);

        // Act
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri("/api/dockerfiles/analyze", UriKind.Relative),
            JsonContent.Create(new { dockerfile = $"FROM alpine:3.20\nCOPY {sources} models/*.bin /app/\n", contextFiles = files }));
        output.WriteLine($"40 wildcard sources, 4,001 context files: answered {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms (wall time)");
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("models/big.bin (300 MB)", body, StringComparison.Ordinal);
        Assert.False(app.Process.HasExited);
    }

    [Fact]
    public async Task Submit_DockerfileLargerThanOneMegabyte_BadRequestNotAnEmptyDockerfile()
    {
        // Arrange: before, a listed Dockerfile over 1 MB was stored as an empty text.
        using var client = app.Process.CreateClient();
        var big = "FROM alpine\n" + string.Concat(Enumerable.Repeat("# padding padding padding padding\n", 40_000));

        // Act
        using var response = await client.PostAsync(
            new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles([("Dockerfile", big)], ("project", "hostile")));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The Dockerfile 'Dockerfile' is larger than 1 MB; a Dockerfile is a few kilobytes.", problem!.Detail);
    }

    public static TheoryData<string> OutOfRange =>
    [
        "/api/experiments?page=2147483647",
        "/api/experiments?page=2147483647&pageSize=200",
        "/api/experiments?page=-1",
        "/api/experiments?page=0",
        "/api/experiments?pageSize=2147483647",
        "/api/experiments?pageSize=-5",
        "/api/experiments?page=99999999999",
        "/api/experiments?project=" + new string('p', 7_000),
        "/api/experiments?submittedBy=" + new string('u', 7_000),
        "/api/audit?page=2147483647&pageSize=200",
        "/api/audit?page=-2147483648",
        "/api/audit?pageSize=2147483647",
        "/api/iterations/1/files?offset=2147483647&limit=1000",
        "/api/iterations/1/files?offset=-1",
        "/api/iterations/9223372036854775807/files",
        "/api/compare?a=1&b=2&limit=2147483647",
    ];

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Get_OutOfRangePagingOrLongFilter_NeverAServerError(string path)
    {
        // Arrange
        using var client = app.Process.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.True((int)response.StatusCode < 500, $"{path[..Math.Min(path.Length, 80)]} answered {(int)response.StatusCode}: {body}");
        if (!response.IsSuccessStatusCode)
        {
            Assert.EndsWith(".", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!.TrimEnd(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_PageFarPastTheEnd_EmptyPage()
    {
        using var client = app.Process.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/experiments?page=2147483647&pageSize=200", UriKind.Relative));

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2147483647, page.GetProperty("pageNumber").GetInt32());
    }

    public static TheoryData<string, (string Name, string Value)[], string> LongFields => new()
    {
        // Names and projects meet the submission rules (the form's) first; the column limits stand behind them.
        { "experiment name", [("name", new string('n', 201))], "Keep the experiment's name under 200 characters." },
        { "project", [("project", new string('p', 101))], $"The project '{new string('p', 101)}' cannot be used: a project name uses letters, digits, '.', '-' and '_' (at most 100), and starts with a letter or digit." },
        { "Dockerfile path", [("dockerfiles", "d/" + new string('x', 1000) + "/Dockerfile")], "A Dockerfile path is 1013 characters long; at most 1000 are allowed." },
    };

    [Theory]
    [MemberData(nameof(LongFields))]
    public async Task Submit_OverLongField_BadRequestWithASentence(string field, (string Name, string Value)[] fields, string sentence)
    {
        // Arrange
        using var client = app.Process.CreateClient();

        // Act
        using var response = await client.PostAsync(
            new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles([("Dockerfile", "FROM alpine\n")], fields));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {body}");
        Assert.Equal(sentence, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Submit_FormFieldLongerThan64Kilobytes_BadRequestWithASentence()
    {
        // Arrange: before, a form field was read whole into memory, up to the context limit.
        using var client = app.Process.CreateClient();
        var upload = ExperimentUpload.FromFiles([("Dockerfile", "FROM alpine\n")], ("labels", "k=" + new string('v', 100_000)));

        // Act
        using var response = await client.PostAsync(new Uri("/api/experiments", UriKind.Relative), upload);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("The form field 'labels' is longer than 64 KB; fields hold names, labels and build arguments.", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Healthz_Anonymous_StatusOnlyAndDetailsForSignedInUsers()
    {
        // Arrange
        using var anonymous = new HttpClient { BaseAddress = app.Process.BaseAddress };
        using var signedIn = app.Process.CreateClient();

        // Act
        var brief = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/healthz", UriKind.Relative));
        var detailed = await signedIn.GetFromJsonAsync<JsonElement>(new Uri("/healthz", UriKind.Relative));

        // Assert
        Assert.Equal("""{"status":"healthy"}""", brief.GetRawText());
        Assert.Equal("healthy", detailed.GetProperty("status").GetString());
        Assert.Contains("PostgreSQL answers", detailed.GetProperty("database").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Docker", detailed.GetProperty("engine").GetRawText(), StringComparison.Ordinal);
    }

    private static byte[] Tar(params (string Path, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Zip(params (string Path, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>One app process (worker off: nothing here should build) on its own database.</summary>
    public sealed class App : IAsyncLifetime
    {
        private PostgresDatabase? _database;

        public AppProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await PostgresDatabase.CreateAsync();
            Process = await AppProcess.StartAsync(_database.ConnectionString, new Dictionary<string, string>
            {
                ["Security:SubmissionsPerMinute"] = "1000",
            });
        }

        public async Task DisposeAsync()
        {
            if (Process is not null)
            {
                await Process.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
