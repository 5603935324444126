using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ImageLab.Core.Contracts;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Api;

/// <summary>
/// The context-files-out transformation on the real engine: 120 MB of model weights copied by <c>COPY . /app</c> are
/// left out by a new <c>.dockerignore</c>, which the suggestion is built with (ImageLab filters the stored context
/// itself: the engine ignores a <c>.dockerignore</c> inside the tar it is sent). Its saving equals what the plain docker
/// client's build of the patched context saves, the patch applied with <c>git apply</c> reproduces the suggestion's
/// Dockerfile and <c>.dockerignore</c>, and a check that needs the weights fails and names the transformation.
/// </summary>
public sealed class ContextFilesOutApiTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    private const string Project = "context-files-out";
    private const string Dockerfile = "FROM busybox:1.36\nCOPY . /app\nCMD [\"sh\", \"/app/app.sh\"]\n";
    private const long WeightsBytes = 120L * 1024 * 1024;

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Suggest_WeightsCopiedIntoTheImage_LeftOutBuiltSmallerByTheirSizeAndThePatchReproducesIt()
    {
        // Arrange: the check needs the weights in the image.
        var client = factory.CreateClient();
        var context = Directory.CreateTempSubdirectory("imagelab-weights-");
        var patched = Directory.CreateTempSubdirectory("imagelab-weights-patched-");
        try
        {
            await WriteContextAsync(context.FullName);
            var source = await BuildAsync(client, context.FullName, """{"command": ["test", "-f", "/app/models/weights.bin"]}""");

            // Act
            var (suggested, built) = await SuggestAndBuildAsync(client, source);
            var patch = await client.GetStringAsync(new Uri($"/api/experiments/{source.ExperimentId}/iterations/{built.Id}/patch", UriKind.Relative));
            using var dockerIgnore = await client.GetAsync(new Uri($"/api/experiments/{source.ExperimentId}/iterations/{built.Id}/dockerignore", UriKind.Relative));

            // Assert: only the weights are left out, and the Dockerfile says how to mount them.
            Assert.Equal([ContextFilesOutRewrite.RewriteId], suggested.Transformations.Select(t => t.Id));
            Assert.True(built.Status == IterationStatus.Succeeded, $"{built.Status}: {built.Error} {string.Join(" | ", built.Transformations)}");
            Assert.Contains("docker run -v ./models:/app/models ...\nCOPY . /app\n", built.DockerfileText, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, dockerIgnore.StatusCode);
            var dockerIgnoreText = await dockerIgnore.Content.ReadAsStringAsync();
            Assert.Equal($"{ContextFilesOutRewrite.EntriesHeader}\nmodels/weights.bin\n", dockerIgnoreText);

            // The saving is measured: the source's size minus the ablation's, both as the engine reports them.
            var transformation = built.Transformations.Single();
            Assert.True(transformation.Status == TransformationStatus.Measured, $"{transformation.Status}: {transformation.Reason}");
            var sourceBytes = await DockerCli.ImageSizeAsync(source.ImageId!);
            var builtBytes = await DockerCli.ImageSizeAsync(built.ImageId!);
            Assert.Equal(builtBytes, built.SizeBytes);
            Assert.Equal(sourceBytes - builtBytes, transformation.SavedBytes);
            // COPY . /app copies the rest as before: the weights leave, the new .dockerignore and the mount note arrive.
            var arrived = Encoding.UTF8.GetByteCount(dockerIgnoreText) + Encoding.UTF8.GetByteCount(built.DockerfileText) - Encoding.UTF8.GetByteCount(Dockerfile);
            Assert.Equal(WeightsBytes - arrived, transformation.SavedBytes);

            // The patch turns a copy of the context into what was built, and the docker client's own build of it
            // (which applies the .dockerignore itself) saves the same bytes.
            CopyFolder(context.FullName, patched.FullName);
            await File.WriteAllTextAsync(Path.Combine(patched.FullName, "imagelab.patch"), patch);
            Assert.Contains("--- /dev/null\n+++ b/.dockerignore\n", patch, StringComparison.Ordinal);
            Assert.Equal("", await RunAsync(patched.FullName, "git", "apply", "imagelab.patch"));
            File.Delete(Path.Combine(patched.FullName, "imagelab.patch"));
            Assert.Equal(built.DockerfileText, await File.ReadAllTextAsync(Path.Combine(patched.FullName, "Dockerfile")));
            Assert.Equal($"{ContextFilesOutRewrite.EntriesHeader}\nmodels/weights.bin\n", await File.ReadAllTextAsync(Path.Combine(patched.FullName, ".dockerignore")));
            Assert.Equal(sourceBytes - await CliAblationBuild.FolderSizeAsync(patched.FullName), transformation.SavedBytes);

            // The check needs the weights: it fails, and names the transformation that left them out.
            var check = built.Check!;
            Assert.True(check.Status == SuggestionCheckStatus.Failed, $"{check.Status}: {check.Reason}");
            Assert.Equal([ContextFilesOutRewrite.RewriteId], check.FailingTransformations);
            Assert.Equal("The suggested image fails the check (it exited with code 1); applied alone, context-files-out fails it too.", check.Reason);
            Assert.Empty((await DockerCli.RunAsync("images", "-q", "--filter", "label=imagelab.ablation", "--filter", $"reference=imagelab/{Project}:{source.ExperimentId}-*")).Trim());
        }
        finally
        {
            context.Delete(recursive: true);
            patched.Delete(recursive: true);
        }
    }

    private static async Task WriteContextAsync(string folder)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "Dockerfile"), Dockerfile);
        await File.WriteAllTextAsync(Path.Combine(folder, "app.sh"), "echo serving\n");
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        await using var weights = File.Create(Path.Combine(folder, "models", "weights.bin"));
        var block = new byte[1024 * 1024];
        new Random(14).NextBytes(block);
        for (var written = 0L; written < WeightsBytes; written += block.Length)
        {
            await weights.WriteAsync(block);
        }
    }

    private async Task<BuiltIteration> BuildAsync(HttpClient client, string folder, string check)
    {
        await using var hub = factory.CreateHubConnection();
        await hub.StartAsync();
        var submitted = await ExperimentUpload.SubmitAsync(client,
            ExperimentUpload.FromFolder(folder, ("project", Project), ("name", "weights"), ("builder", "classic"), ("check", check)));
        await BuildWatcher.FollowToEndAsync(hub, submitted, BuildTimeout);
        var iteration = (await ExperimentUpload.GetAsync(client, submitted.Id)).Iterations.Single();
        Assert.True(iteration.Status == IterationStatus.Succeeded, $"{iteration.Status}: {iteration.Error}");
        return new BuiltIteration(submitted.Id, iteration.Id, iteration.ImageId);
    }

    private static async Task<(SuggestionResponse Suggested, IterationDetails Built)> SuggestAndBuildAsync(HttpClient client, BuiltIteration source)
    {
        using var response = await client.PostAsync(new Uri($"/api/experiments/{source.ExperimentId}/iterations/{source.Id}/suggestion", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST suggestion answered {(int)response.StatusCode}: {body}");
        var suggested = JsonSerializer.Deserialize<SuggestionResponse>(body, ExperimentUpload.Json)!;
        var experiment = await Polling.WaitForAsync(client, source.ExperimentId,
            e => e.Iterations.Single(i => i.Id == suggested.Id).Status.IsFinal(), BuildTimeout, "the suggestion to be built and checked");
        return (suggested, experiment.Iterations.Single(i => i.Id == suggested.Id));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<string> RunAsync(string folder, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : $"exit {process.ExitCode}: {await error}";
    }

    private sealed record BuiltIteration(long ExperimentId, long Id, string? ImageId);
}
