using System.Net;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Api;

/// <summary>
/// Faults around a build, each against the real app as its own process: nothing is lost, every failure
/// has a sentence, and nothing is left stuck in Building.
/// </summary>
public sealed class PipelineFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task EngineUnreachable_ExperimentWaitsAndBuildsWhenTheEngineReturns()
    {
        // Arrange: the app points at a socket that does not exist yet.
        var folder = Directory.CreateDirectory(Path.Combine("/var/tmp", "imagelab-sock-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var socket = Path.Combine(folder, "docker.sock");
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string> { ["Docker:Endpoint"] = "unix://" + socket });
        using var client = app.CreateClient();

        try
        {
            // Act
            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            var healthText = await health.Content.ReadAsStringAsync();
            using var diskUsage = await client.GetAsync(new Uri("/api/engine/disk-usage", UriKind.Relative));
            var diskUsageText = await diskUsage.Content.ReadAsStringAsync();
            var experiment = await ExperimentUpload.SubmitAsync(client, Upload($"RUN echo {Guid.NewGuid()}"));
            var waiting = await Polling.WaitForAsync(client, experiment.Id,
                e => e.Iterations[0].Error?.Contains("No Docker engine answers at", StringComparison.Ordinal) == true, Timeout, "the iteration to wait for the engine");
            File.CreateSymbolicLink(socket, new Uri(TestEnvironment.DockerEndpoint).AbsolutePath);
            var built = await Polling.WaitForAsync(client, experiment.Id, e => e.Status.IsFinal(), Timeout, "the build after the engine returned");

            // Assert
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("No Docker engine answers at", healthText, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, diskUsage.StatusCode);
            Assert.Contains("No Docker engine answers at", diskUsageText, StringComparison.Ordinal);
            Assert.Equal(IterationStatus.Queued, waiting.Iterations[0].Status);
            Assert.Equal(IterationStatus.Succeeded, built.Iterations[0].Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DatabaseRestartedDuringBuild_ResultStillLands()
    {
        // Arrange
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var app = await AppProcess.StartAsync(postgres.ConnectionString);
        using var client = app.CreateClient();
        var experiment = await ExperimentUpload.SubmitAsync(client, Upload($"RUN sleep 4 && echo {Guid.NewGuid()} > /stamp"));
        await Polling.WaitForAsync(client, experiment.Id, e => e.Iterations[0].Status == IterationStatus.Building, Timeout, "the build to start");

        // Act: the database is down while the build finishes, then comes back.
        await postgres.StopServerAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        await postgres.StartServerAsync();
        var built = await Polling.WaitForAsync(client, experiment.Id, e => e.Status.IsFinal(), Timeout, "the result to land");

        // Assert
        var iteration = built.Iterations[0];
        Assert.True(iteration.Status == IterationStatus.Succeeded, iteration.Error);
        Assert.Equal(await DockerCli.ImageSizeAsync(iteration.ImageId!), iteration.SizeBytes);
    }

    [Fact]
    public async Task AppKilledDuringBuild_IterationBuiltAgainAfterRestart()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string> { ["Worker:LeaseSeconds"] = "3" };
        var first = await AppProcess.StartAsync(database.ConnectionString, settings);
        using var firstClient = first.CreateClient();
        var experiment = await ExperimentUpload.SubmitAsync(firstClient, Upload($"RUN sleep 5 && echo {Guid.NewGuid()} > /stamp"));
        await Polling.WaitForAsync(firstClient, experiment.Id, e => e.Iterations[0].Status == IterationStatus.Building, Timeout, "the build to start");

        // Act
        await first.KillAsync();
        await first.DisposeAsync();
        await using var second = await AppProcess.StartAsync(database.ConnectionString, settings);
        using var client = second.CreateClient();
        var built = await Polling.WaitForAsync(client, experiment.Id, e => e.Status.IsFinal(), Timeout, "the iteration to finish after the restart");

        // Assert
        var iteration = built.Iterations[0];
        Assert.True(iteration.Status == IterationStatus.Succeeded, iteration.Error);
        Assert.Equal(2, iteration.Attempt);
    }

    [Fact]
    public async Task AppKilledDuringAnalysis_AnalysisResumedAfterRestartWithinTheLease()
    {
        // Arrange: 300 MB of random bytes, whose push-size estimate takes seconds (they do not compress).
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string> { ["Worker:LeaseSeconds"] = "3" };
        var first = await AppProcess.StartAsync(database.ConnectionString, settings);
        using var firstClient = first.CreateClient();
        var experiment = await ExperimentUpload.SubmitAsync(firstClient, Upload($"RUN echo {Guid.NewGuid()} > /id && head -c 300000000 /dev/urandom > /random"));
        var built = await Polling.WaitForAsync(firstClient, experiment.Id, e => e.Status.IsFinal(), Timeout, "the build");
        var iterationId = built.Iterations[0].Id;
        await WaitForAnalysisLeaseAsync(database.ConnectionString, iterationId);

        // Act: killed mid-analysis (no hand-back), then started again.
        await first.KillAsync();
        await first.DisposeAsync();
        await using var second = await AppProcess.StartAsync(database.ConnectionString, settings);
        using var client = second.CreateClient();
        var analysis = await AnalysisPolling.WaitForAsync(client, iterationId, Timeout);

        // Assert: analyzed to its push size by the second process, on its second attempt.
        Assert.Equal(IterationStatus.Succeeded, built.Iterations[0].Status);
        Assert.Equal("Succeeded", analysis.GetProperty("status").GetString());
        Assert.True(analysis.GetProperty("compressedSizeBytes").GetInt64() > 300_000_000);
        // The second process took it up: attempt 2, or later when its 3-second lease lapsed on a loaded machine and it
        // claimed the analysis again (a lapsed lease is claimed anew, never run twice at once).
        Assert.True(await ScalarAsync(database.ConnectionString, $"SELECT attempt FROM iteration_analyses WHERE iteration_id = {iterationId}") >= 2);
    }

    [Fact]
    public async Task CancelDuringBuild_StopsTheEnginesBuild()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        using var client = app.CreateClient();
        var marker = Guid.NewGuid().ToString("N");
        var experiment = await ExperimentUpload.SubmitAsync(client, Upload($"RUN echo {marker} && sleep 120"));
        await Polling.WaitForAsync(client, experiment.Id, e => e.Iterations[0].Status == IterationStatus.Building, Timeout, "the build to start");
        await Task.Delay(TimeSpan.FromSeconds(2));

        // Act
        using var cancel = await client.PostAsync(new Uri($"/api/experiments/{experiment.Id}/cancel", UriKind.Relative), null);
        var ended = await Polling.WaitForAsync(client, experiment.Id, e => e.Status.IsFinal(), TimeSpan.FromSeconds(30), "the cancel to take effect");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(IterationStatus.Canceled, ended.Iterations[0].Status);
        Assert.Contains("Cancelled", ended.Iterations[0].Error, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, await DockerCli.RunAsync("ps", "-a", "--no-trunc"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingRun_IterationFailedWithTheEnginesMessage()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        using var client = app.CreateClient();

        // Act
        var experiment = await ExperimentUpload.SubmitAsync(client, Upload($"RUN echo {Guid.NewGuid()} && exit 3"));
        var ended = await Polling.WaitForAsync(client, experiment.Id, e => e.Status.IsFinal(), Timeout, "the build to fail");
        var log = await client.GetStringAsync(new Uri($"/api/experiments/{experiment.Id}/iterations/{ended.Iterations[0].Id}/log", UriKind.Relative));

        // Assert
        Assert.Equal(IterationStatus.Failed, ended.Iterations[0].Status);
        Assert.Contains("exit code: 3", ended.Iterations[0].Error, StringComparison.Ordinal);
        Assert.Equal(ExperimentStatus.Failed, ended.Status);
        Assert.Contains("exit code: 3", log, StringComparison.Ordinal);
    }

    private static async Task WaitForAnalysisLeaseAsync(string connectionString, long iterationId)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (await ScalarAsync(connectionString, $"SELECT count(*) FROM iteration_analyses WHERE iteration_id = {iterationId} AND lease_owner IS NOT NULL") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No worker took the analysis of iteration {iterationId} within {Timeout.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static MultipartFormDataContent Upload(string run) =>
        ExperimentUpload.FromFiles([("Dockerfile", $"FROM busybox\n{run}\n")], ("project", "faults"));
}
