using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using ImageLab.Core.Experiments;
using ImageLab.Data.Hosting;
using ImageLab.Web.Hosting;
using ImageLab.Web.Intake;
using ImageLab.Web.Tests.Components.Fakes;
using ImageLab.Web.ViewModels;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Tests.Components.ViewModels;

/// <summary>Folders (with their .dockerignore) and archives whose Dockerfiles are edited before sending.</summary>
public class ExperimentDraftContextTests
{
    private const long Max = 10 * 1024 * 1024;

    private static FolderFile File(string path, string text) =>
        new(path, Encoding.UTF8.GetByteCount(text), _ => new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static FolderFile NeverRead(string path) =>
        new(path, 1, _ => throw new InvalidOperationException($"{path} is excluded and must not be read."));

    private static MemoryStream TarGz(params (string Path, string Text)[] files)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            }
        }

        output.Position = 0;
        return output;
    }

    [Fact]
    public async Task AddFolderAsync_WithDockerIgnore_KeepsPathsAndLeavesExcludedFilesUnread()
    {
        using var draft = new ExperimentDraft();

        var leftOut = await draft.AddFolderAsync(
            [
                File("Dockerfile", "FROM scratch\n"),
                File("api/Dockerfile.slim", "FROM scratch\nCOPY app.py /\n"),
                File("api/app.py", "print(1)\n"),
                NeverRead("node_modules/left-pad/index.js"),
                NeverRead("debug.log"),
                File(".dockerignore", "node_modules\n*.log\n"),
            ],
            Max,
            default);

        Assert.Equal(2, leftOut);
        Assert.Equal(["Dockerfile", "api/Dockerfile.slim"], draft.Iterations.Select(i => i.ContextPath).Order(StringComparer.Ordinal));
        Assert.Equal([".dockerignore", "api/app.py"], draft.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task AddFolderAsync_DockerfileMatchedByDockerIgnore_StillBecomesAnIteration()
    {
        using var draft = new ExperimentDraft();

        var leftOut = await draft.AddFolderAsync([File(".dockerignore", "*\n"), File("Dockerfile.v1", "FROM scratch\n"), NeverRead("big.bin")], Max, default);

        Assert.Equal(1, leftOut);
        Assert.Equal("v1", Assert.Single(draft.Iterations).Name);
    }

    [Fact]
    public async Task SetArchiveAsync_Dockerfiles_BecomeEditableIterationsWithTheirText()
    {
        using var draft = new ExperimentDraft { Project = "api" };

        await draft.SetArchiveAsync("context.tar.gz", TarGz(("Dockerfile.v1", "FROM scratch\nCOPY a /\n"), ("Dockerfile.v2", "FROM scratch\n"), ("a", "x")), Max, default);

        Assert.Equal(["v1", "v2"], draft.Iterations.Select(i => i.Name));
        Assert.Equal("FROM scratch\nCOPY a /\n", draft.Iterations[0].Text);
        Assert.All(draft.Iterations, i => Assert.False(i.CarriesText));
        Assert.Empty(draft.Validate(Max));
    }

    [Fact]
    public async Task SubmitAsync_ArchiveWithEditedRenamedReorderedAndAddedDockerfiles_BuildsTheEditedText()
    {
        using var draft = new ExperimentDraft { Project = "api" };
        await draft.SetArchiveAsync("context.tar.gz", TarGz(("Dockerfile.v1", "FROM scratch\nCOPY a /\n"), ("sub/Dockerfile.v2", "FROM scratch\n"), ("a", "x")), Max, default);
        var v1 = draft.Iterations[0];
        var v2 = draft.Iterations[1];
        v2.Text = "FROM scratch\nCOPY a /b\n";
        v1.Name = "baseline";
        draft.Move(v2, -1);
        draft.AddIteration("pasted", "FROM scratch\nCOPY a /c\n");
        Assert.Empty(draft.Validate(Max));
        var commands = new FakeExperimentCommands();
        var intake = new ExperimentIntake(commands, new FakeExperimentQueries(), Options.Create(new DatabaseOptions { MaxContextBytes = Max }), Options.Create(new SecurityOptions()), new AllowingCallerAuthorization(), new RecordingAuditLog());
        var request = draft.ToRequest();
        await intake.SubmitAsync(request, new System.Security.Claims.ClaimsPrincipal(), default);

        Assert.Equal(["sub/Dockerfile.v2", "Dockerfile.baseline", "Dockerfile.pasted"], request.Dockerfiles);
        Assert.Equal(["Dockerfile.baseline", "Dockerfile.pasted", "sub/Dockerfile.v2"], request.DockerfileOverrides.Keys.Order(StringComparer.Ordinal));
        var (submission, paths) = Assert.Single(commands.Submitted);
        Assert.Equal(
            [("v2", "sub/Dockerfile.v2", "FROM scratch\nCOPY a /b\n"), ("baseline", "Dockerfile.baseline", "FROM scratch\nCOPY a /\n"), ("pasted", "Dockerfile.pasted", "FROM scratch\nCOPY a /c\n")],
            submission.Iterations.Select(i => (i.Name, i.DockerfilePath, i.DockerfileText)));
        Assert.Contains("a", paths);
        Assert.Single(paths, p => p == "sub/Dockerfile.v2");
    }

    [Fact]
    public async Task SubmitAsync_DroppedFilesAndPastedDockerfile_OneTarOfBothAndTheDraftKeepsItsFolder()
    {
        // Arrange
        using var draft = new ExperimentDraft { Project = "api" };
        await draft.AddFolderAsync([File("Dockerfile", "FROM scratch\nCOPY app.py /\n"), File("app.py", "print(1)\n")], Max, default);
        draft.AddIteration("pasted", "FROM scratch\n");
        var commands = new FakeExperimentCommands();
        var intake = new ExperimentIntake(commands, new FakeExperimentQueries(), Options.Create(new DatabaseOptions { MaxContextBytes = Max }), Options.Create(new SecurityOptions()), new AllowingCallerAuthorization(), new RecordingAuditLog());
        var request = draft.ToRequest();

        // Act
        await intake.SubmitAsync(request, new System.Security.Claims.ClaimsPrincipal(), default);

        // Assert
        var (submission, paths) = Assert.Single(commands.Submitted);
        Assert.Equal(["Dockerfile", "Dockerfile.pasted", "app.py"], paths.Order(StringComparer.Ordinal));
        Assert.Equal(["FROM scratch\nCOPY app.py /\n", "FROM scratch\n"], submission.Iterations.Select(i => i.DockerfileText));
        Assert.True(System.IO.File.Exists(Assert.Single(draft.Files).StoredAt));
        Assert.False(System.IO.File.Exists(Path.Combine(request.Upload.WorkFolder, "context.tar")));
    }

    [Fact]
    public async Task SubmitAsync_ArchiveUnchanged_SendsNoOverrides()
    {
        using var draft = new ExperimentDraft { Project = "api" };
        await draft.SetArchiveAsync("context.tar.gz", TarGz(("Dockerfile", "FROM scratch\n"), ("a", "x")), Max, default);
        var request = draft.ToRequest();

        Assert.Empty(request.DockerfileOverrides);
        Assert.Equal(["Dockerfile"], request.Dockerfiles);
    }
}
