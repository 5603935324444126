using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.Api;

/// <summary>Bad uploads get a 4xx problem with a sentence, and nothing is stored.</summary>
public sealed class SubmissionValidationTests(SubmissionValidationTests.SmallLimitFactory factory) : IClassFixture<SubmissionValidationTests.SmallLimitFactory>
{
    private const string Dockerfile = "FROM busybox\nRUN echo hi\n";

    public static TheoryData<string, Func<MultipartFormDataContent>, HttpStatusCode, string> BadUploads => new()
    {
        { "no Dockerfile", () => ExperimentUpload.FromFiles([("main.py", "print(1)")]), HttpStatusCode.BadRequest, "has no Dockerfile" },
        { "listed Dockerfile missing", () => ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("dockerfiles", "Dockerfile.slim")), HttpStatusCode.BadRequest, "Dockerfile.slim" },
        { "empty upload", () => ExperimentUpload.FromFiles([], ("project", "x")), HttpStatusCode.BadRequest, "empty" },
        { "unknown builder", () => ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("builder", "kaniko")), HttpStatusCode.BadRequest, "Unknown builder 'kaniko'" },
        { "file path escaping", () => ExperimentUpload.FromFiles([("Dockerfile", Dockerfile), ("../etc/passwd", "x")]), HttpStatusCode.BadRequest, "points outside the build context" },
        { "absolute file path", () => ExperimentUpload.FromFiles([("Dockerfile", Dockerfile), ("/etc/passwd", "x")]), HttpStatusCode.BadRequest, "relative" },
        { "0-byte Dockerfile", () => ExperimentUpload.FromFiles([("Dockerfile", "")]), HttpStatusCode.BadRequest, "empty" },
        { "fake .tar.gz", () => ExperimentUpload.FromArchive("this is not gzip"u8.ToArray(), "context.tar.gz"), HttpStatusCode.BadRequest, "not a valid" },
        { "archive escaping", () => ExperimentUpload.FromArchive(Tar(("Dockerfile", Dockerfile), ("../../evil", "x")), "context.tar"), HttpStatusCode.BadRequest, "../../evil" },
        { "archive with absolute path", () => ExperimentUpload.FromArchive(Tar(("Dockerfile", Dockerfile), ("/abs/evil", "x")), "context.tar"), HttpStatusCode.BadRequest, "/abs/evil" },
        { "unknown archive type", () => ExperimentUpload.FromArchive([1, 2, 3], "context.rar"), HttpStatusCode.BadRequest, ".rar" },
        { "over the context limit", () => ExperimentUpload.FromFiles([("Dockerfile", Dockerfile), ("big.bin", new string('x', 3 * 1024 * 1024))]), HttpStatusCode.RequestEntityTooLarge, "larger than the limit of 1.05 MB" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Submit_BadUpload_ProblemWithASentenceAndNothingStored(string _, Func<MultipartFormDataContent> upload, HttpStatusCode status, string mentions)
    {
        // Arrange
        var client = factory.CreateClient();
        var before = await CountAsync(client);

        // Act
        using var response = await client.PostAsync(new Uri("/api/experiments", UriKind.Relative), upload());
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        // Assert
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(mentions, problem!.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(".", problem.Detail!.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    /// <summary>What the New experiment form refuses and the API used to accept (it stored the experiment and built it).</summary>
    public static TheoryData<string, Func<MultipartFormDataContent>, string> FormRules => new()
    {
        { "project with a space", () => ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("project", "my project")), "'my project' cannot be used" },
        { "name over 200 characters", () => ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("name", new string('n', 201))), "under 200 characters" },
        { "build argument name starting with a digit", () => ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("buildArgs", "1BAD=x")), "build argument name '1BAD'" },
        { "build argument given twice", () => ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("buildArgs", "PY=3.11"), ("buildArgs", "PY=3.12")), "PY is set twice" },
        { "iteration name with a space", () => ExperimentUpload.FromFiles([("Dockerfile.my app", Dockerfile)]), "the name 'my app' cannot be used" },
        { "Dockerfile without FROM", () => ExperimentUpload.FromFiles([("Dockerfile", "RUN echo hi\n")]), "before the first FROM" },
    };

    [Theory]
    [MemberData(nameof(FormRules))]
    public async Task Submit_RefusedByTheFormsRules_BadRequestWithTheFormsSentence(string _, Func<MultipartFormDataContent> upload, string mentions)
    {
        // Arrange
        var client = factory.CreateClient();
        var before = await CountAsync(client);

        // Act
        using var response = await client.PostAsync(new Uri("/api/experiments", UriKind.Relative), upload());
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentions, problem!.Detail, StringComparison.Ordinal);
        Assert.EndsWith(".", problem.Detail!.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Submit_TarGzArchiveWithDockerignore_IterationsFoundAndIgnoredFilesLeftOut()
    {
        // Arrange
        var client = factory.CreateClient();
        var archive = Gzip(Tar(("Dockerfile.b", Dockerfile), ("Dockerfile.a", Dockerfile), (".dockerignore", "secret.txt\n"), ("secret.txt", "x")));

        // Act
        var experiment = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromArchive(archive, "ctx.tgz", ("project", "archives")));

        // Assert
        Assert.Equal(["a", "b"], experiment.Iterations.Select(i => i.Name));
        Assert.Equal(Dockerfile, experiment.Iterations[0].DockerfileText);
        Assert.Equal("archives", experiment.Project);
    }

    [Fact]
    public async Task Get_UnknownExperiment_NotFoundProblem()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/experiments/987654", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no experiment 987654.", problem!.Detail);
    }

    [Fact]
    public async Task Submit_NotMultipart_BadRequestProblem()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync(new Uri("/api/experiments", UriKind.Relative), new { name = "x" });
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", problem!.Detail, StringComparison.Ordinal);
    }

    private static async Task<long> CountAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<Core.Experiments.Page<Core.Experiments.ExperimentSummary>>(
            new Uri("/api/experiments?pageSize=1", UriKind.Relative), ExperimentUpload.Json);
        return page!.Total;
    }

    private static byte[] Tar(params (string Path, string Text)[] files)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) });
            }
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A context limit of 1 MB so that "too large" costs nothing; the worker is off (nothing is built here).</summary>
    public sealed class SmallLimitFactory : ImageLabWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:MaxContextBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Worker:Enabled"] = "false",
        };
    }
}
