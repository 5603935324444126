using ImageLab.Core.Experiments;
using ImageLab.Data;
using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Worker.Tests.Retention;

/// <summary>
/// Finished experiments written straight into the store, as many builds would leave them: one Succeeded iteration with
/// its size and three layers, a build context of <see cref="ChunksPerContext"/> chunks and a log of events.
/// </summary>
internal sealed class SyntheticHistory(IDbContextFactory<ImageLabDbContext> contexts, int projects, int eventsPerIteration)
{
    public const int ChunksPerContext = 2;

    private static readonly byte[] Chunk = new byte[4096];
    private int _seeded;

    public async Task SeedAsync(int experiments, DateTimeOffset createdAt)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var projectIds = await EnsureProjectsAsync(db, createdAt);
        var batch = Enumerable.Range(0, experiments).Select(n => new Experiment
        {
            ProjectId = projectIds[n % projectIds.Count],
            Name = $"synthetic {++_seeded}",
            SubmittedBy = "retention-tests",
            CreatedAt = createdAt,
            Status = ExperimentStatus.Succeeded,
            ContextSizeBytes = ChunksPerContext * Chunk.Length,
            Iterations =
            [
                new Iteration
                {
                    Ordinal = 1, Name = "Dockerfile", DockerfilePath = "Dockerfile", DockerfileText = "FROM busybox\nRUN true\n",
                    Status = IterationStatus.Succeeded, SizeBytes = 4_400_000 + n, QueuedAt = createdAt, FinishedAt = createdAt,
                    Layers = [.. Enumerable.Range(0, 3).Select(i => new Layer { Index = i, HistoryId = $"sha256:{i}", CreatedBy = $"RUN step {i}", SizeBytes = 1000 * i })],
                },
            ],
        }).ToList();
        db.Experiments.AddRange(batch);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        foreach (var experiment in batch)
        {
            db.ContextChunks.AddRange(Enumerable.Range(0, ChunksPerContext).Select(i => new ContextChunk { ExperimentId = experiment.Id, Index = i, Data = Chunk }));
            db.Events.AddRange(Enumerable.Range(1, eventsPerIteration).Select(i => new ExperimentEvent
            {
                ExperimentId = experiment.Id, IterationId = experiment.Iterations[0].Id, Type = BuildEventType.Log, At = createdAt, Text = $"log line {i}",
            }));
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<long>> EnsureProjectsAsync(ImageLabDbContext db, DateTimeOffset createdAt)
    {
        var names = Enumerable.Range(1, projects).Select(p => $"synthetic-{p}").ToList();
        var existing = await db.Projects.Where(p => names.Contains(p.Name)).ToListAsync();
        db.Projects.AddRange(names.Where(n => existing.All(p => p.Name != n)).Select(n => new Project { Name = n, CreatedAt = createdAt }));
        await db.SaveChangesAsync();
        return await db.Projects.Where(p => names.Contains(p.Name)).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
    }
}
