using ImageLab.Core.Experiments;
using ImageLab.Core.Formatting;
using ImageLab.Data.Entities;
using ImageLab.Data.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImageLab.Data.Stores;

internal sealed class ExperimentCommands(
    IDbContextFactory<ImageLabDbContext> contexts,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    IEnumerable<IExperimentObserver> observers) : IExperimentCommands
{
    /// <summary>The reason a queued iteration gets when it is cancelled, stored and sent live.</summary>
    public const string CanceledBeforeStartReason = "Cancelled before it started.";

    private const int ChunkBytes = 1024 * 1024;

    public async Task<long> SubmitAsync(ExperimentSubmission submission, Stream contextTar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(contextTar);
        if (submission.Iterations.Count == 0)
        {
            throw new SubmissionRejectedException("The experiment has no Dockerfile to build.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var project = await FindOrAddProjectAsync(db, submission.Project, now, cancellationToken);
        var experiment = new Experiment
        {
            ProjectId = project.Id,
            Name = submission.Name,
            SubmittedBy = submission.SubmittedBy,
            CreatedAt = now,
            Builder = submission.Builder,
            BuildArgs = submission.BuildArgs.ToDictionary(),
            SecretBuildArgs = [.. submission.SecretBuildArgs],
            RequestsNetwork = submission.RequestsNetwork,
            CheckCommand = [.. submission.Check?.Command ?? []],
            CheckExpect = submission.Check?.Expect,
            Status = ExperimentStatus.Queued,
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(cancellationToken);

        // Storing the context clears the change tracker chunk by chunk, so what follows is added afresh.
        var contextBytes = await StoreContextAsync(db, experiment.Id, contextTar, cancellationToken);
        await db.Experiments.Where(e => e.Id == experiment.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ContextSizeBytes, contextBytes), cancellationToken);
        var ordinal = 0;
        db.Iterations.AddRange(submission.Iterations.Select(i => new Iteration
        {
            ExperimentId = experiment.Id,
            Ordinal = ++ordinal,
            Name = i.Name,
            DockerfilePath = i.DockerfilePath,
            DockerfileText = i.DockerfileText,
            Builder = submission.Builder,
            Status = IterationStatus.Queued,
            QueuedAt = now,
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        }));
        db.Set<ExperimentLabel>().AddRange(submission.Labels.Select(l => new ExperimentLabel { ExperimentId = experiment.Id, Key = l.Key, Value = l.Value }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var observer in observers)
        {
            observer.Submitted(experiment.Id);
        }

        return experiment.Id;
    }

    public async Task<bool> CancelExperimentAsync(long experimentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Experiments.AnyAsync(e => e.Id == experimentId, cancellationToken))
        {
            return false;
        }

        await CancelAsync(db, experimentId, iterationId: null, cancellationToken);
        return true;
    }

    public async Task<bool> CancelIterationAsync(long experimentId, long iterationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Iterations.AnyAsync(i => i.Id == iterationId && i.ExperimentId == experimentId, cancellationToken))
        {
            return false;
        }

        await CancelAsync(db, experimentId, iterationId, cancellationToken);
        return true;
    }

    // Queued iterations end at once; running ones are flagged and their worker stops the engine's build.
    private async Task CancelAsync(ImageLabDbContext db, long experimentId, long? iterationId, CancellationToken cancellationToken)
    {
        var iterations = await db.Iterations
            .Where(i => i.ExperimentId == experimentId && (iterationId == null || i.Id == iterationId))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var canceled = new List<long>();
        foreach (var iteration in iterations.Where(i => !i.Status.IsFinal()))
        {
            iteration.CancelRequested = true;
            if (iteration.Status == IterationStatus.Queued)
            {
                iteration.Status = IterationStatus.Canceled;
                iteration.FailureReason = CanceledBeforeStartReason;
                iteration.FinishedAt = now;
                canceled.Add(iteration.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await ExperimentStatusUpdater.UpdateAsync(db, experimentId, cancellationToken);
        foreach (var observer in observers)
        {
            observer.CancelRequested(experimentId, iterationId, canceled);
        }
    }

    private static async Task<Project> FindOrAddProjectAsync(ImageLabDbContext db, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (project is not null)
        {
            return project;
        }

        if (db.Database.IsSqlite())
        {
            // The submission's transaction holds SQLite's one write lock: no one else can add the project meanwhile.
            project = new Project { Name = name, CreatedAt = now };
            db.Projects.Add(project);
            await db.SaveChangesAsync(cancellationToken);
            return project;
        }

        // Two submissions may create the same project at once: insert-if-absent, then read.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO projects (name, created_at) VALUES ({name}, {now}) ON CONFLICT (name) DO NOTHING",
            cancellationToken);
        return await db.Projects.FirstAsync(p => p.Name == name, cancellationToken);
    }

    private async Task<long> StoreContextAsync(ImageLabDbContext db, long experimentId, Stream contextTar, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxContextBytes;
        long total = 0;
        var index = 0;
        var buffer = new byte[ChunkBytes];
        while (true)
        {
            var filled = await contextTar.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken);
            if (filled == 0)
            {
                break;
            }

            total += filled;
            if (total > maxBytes)
            {
                throw new SubmissionRejectedException(
                    $"The build context is larger than the limit of {ByteSize.Format(maxBytes)} (Database:MaxContextBytes); add a .dockerignore or upload less.");
            }

            db.ContextChunks.Add(new ContextChunk { ExperimentId = experimentId, Index = index++, Data = buffer[..filled] });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return total;
    }
}
