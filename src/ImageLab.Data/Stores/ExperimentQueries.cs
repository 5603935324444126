using System.Runtime.CompilerServices;
using ImageLab.Core.Engines;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

internal sealed class ExperimentQueries(IDbContextFactory<ImageLabDbContext> contexts) : IExperimentQueries
{
    /// <summary>How far the history counts its rows; past it the total reads "10,000+".</summary>
    public const int CountLimit = 10_000;

    /// <summary>The submitter filter lists at most this many names (people and CI accounts, created by admins).</summary>
    public const int MaxSubmitters = 1_000;

    public async Task<ExperimentDetails?> GetExperimentAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.AsNoTracking()
            .Include(e => e.Project)
            .Include(e => e.Iterations.OrderBy(i => i.Ordinal))
            .ThenInclude(i => i.Layers.OrderBy(l => l.Index))
            .Include(e => e.Iterations).ThenInclude(i => i.Transformations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return experiment is null ? null : ToDetails(experiment, await LoadAnalysesAsync(db, experiment, cancellationToken));
    }

    public async Task<Page<ExperimentSummary>> ListExperimentsAsync(ExperimentFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pageSize = Math.Clamp(filter.PageSize, 1, ExperimentFilter.MaxPageSize);
        var pageNumber = filter.IsKeyset ? 0 : Math.Max(filter.PageNumber, 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        long? projectId = null;
        if (!string.IsNullOrEmpty(filter.Project))
        {
            // The project by its id, not by a join on its name: with the name the planner could not use its statistics
            // for that project, and a project with a submitter who never built there walked the whole history by date
            // (110-210 ms at 100,000 experiments) instead of reading one index range (1 ms).
            projectId = await db.Projects.Where(p => p.Name == filter.Project).Select(p => (long?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (projectId is null)
            {
                return new Page<ExperimentSummary>([], pageNumber, pageSize, 0);
            }
        }

        var matching = Filtered(db.Experiments.AsNoTracking(), filter, projectId);

        // Counting stops past CountLimit: an exact count(*) read every matching row on every page (40-80 ms at 100,000).
        var counted = await matching.Take(CountLimit + 1).LongCountAsync(cancellationToken);
        var window = HistoryWindow.Of(filter, pageNumber, pageSize);
        var rows = await Summaries(window.Apply(matching)).ToListAsync(cancellationToken);
        var items = window.InOrder(rows.Select(r => r.ToSummary()).ToList());
        return new Page<ExperimentSummary>(items, pageNumber, pageSize, Math.Min(counted, CountLimit))
        {
            TotalIsLowerBound = counted > CountLimit,
            Older = window.HasOlder(rows.Count) && items.Count > 0 ? ExperimentCursor.Of(items[^1]).Token : null,
            Newer = window.HasNewer(rows.Count) && items.Count > 0 ? ExperimentCursor.Of(items[0]).Token : null,
        };
    }

    private static IQueryable<Experiment> Filtered(IQueryable<Experiment> query, ExperimentFilter filter, long? projectId)
    {
        if (projectId is { } project)
        {
            query = query.Where(e => e.ProjectId == project);
        }

        if (!string.IsNullOrEmpty(filter.SubmittedBy))
        {
            query = query.Where(e => e.SubmittedBy == filter.SubmittedBy);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.CreatedAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.CreatedAt < to);
        }

        return query;
    }

    private static IQueryable<SummaryRow> Summaries(IQueryable<Experiment> experiments) =>
        experiments.Select(e => new SummaryRow(
            e.Id,
            e.Name,
            e.Project!.Name,
            e.SubmittedBy,
            e.Status,
            e.CreatedAt,
            e.Iterations.Count,
            e.Iterations.Where(i => i.Ordinal == 1).Select(i => i.SizeBytes).FirstOrDefault(),
            e.Iterations.OrderByDescending(i => i.Ordinal).Select(i => i.SizeBytes).FirstOrDefault(),
            e.Iterations.OrderByDescending(i => i.Ordinal).Select(i => i.EngineVersion).FirstOrDefault(),
            e.Iterations.OrderByDescending(i => i.Ordinal).Select(i => i.ImageStore).FirstOrDefault()));

    private sealed record SummaryRow(
        long Id, string Name, string Project, string SubmittedBy, ExperimentStatus Status, DateTimeOffset CreatedAt, int IterationCount,
        long? Baseline, long? Final, string? FinalEngine, ImageStoreKind? FinalStore)
    {
        public ExperimentSummary ToSummary() => new(
            Id, Name, Project, SubmittedBy, Status, CreatedAt, IterationCount, Baseline, Final,
            IterationCount > 1 ? StatusRules.ReductionPercent(Baseline, Final) : null)
        {
            MeasuredOn = this is { FinalEngine: { } version, FinalStore: { } store } ? EngineDescription.Brief(version, store) : null,
        };
    }

    public async Task<WaitingIterations> CountWaitingIterationsAsync(string submittedBy, string project, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var waiting = db.Iterations.Where(i => i.Status == IterationStatus.Queued || i.Status == IterationStatus.Building || i.Status == IterationStatus.Measuring);
        var ofSubmitter = await waiting.CountAsync(i => i.Experiment!.SubmittedBy == submittedBy, cancellationToken);
        var ofProject = await waiting.CountAsync(i => i.Experiment!.Project!.Name == project, cancellationToken);
        return new WaitingIterations(ofSubmitter, ofProject);
    }

    public async Task<IReadOnlyList<string>> ListProjectsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListSubmittersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A skip scan down ix_experiments_submitted_by_created_at, one index probe per submitter: SELECT DISTINCT read and
        // sorted every experiment (222-305 ms at 100,000). Both PostgreSQL and SQLite run the recursive query.
        return await db.Database.SqlQuery<string>($"""
            WITH RECURSIVE submitters(name) AS (
                SELECT min(submitted_by) FROM experiments
                UNION ALL
                SELECT (SELECT min(e.submitted_by) FROM experiments e WHERE e.submitted_by > s.name)
                FROM submitters s WHERE s.name IS NOT NULL)
            SELECT name AS "Value" FROM submitters WHERE name IS NOT NULL ORDER BY name LIMIT {MaxSubmitters}
            """).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TrendPoint>> GetTrendAsync(string project, int maxPoints, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var points = await db.Experiments.AsNoTracking()
            .Where(e => e.Project!.Name == project && e.Status == ExperimentStatus.Succeeded)
            .OrderByDescending(e => e.CreatedAt)
            .Take(maxPoints)
            // The final iteration's name and size as two subqueries per experiment (one index lookup each): selecting it
            // as one object made EF number every iteration of every experiment (ROW_NUMBER over the whole table) and
            // join the first of each, which grew with the history (30 ms of 10,000 experiments' history page).
            .Select(e => new
            {
                e.Id,
                e.Name,
                e.CreatedAt,
                FinalName = e.Iterations.OrderByDescending(i => i.Ordinal).Select(i => i.Name).FirstOrDefault(),
                FinalSize = e.Iterations.OrderByDescending(i => i.Ordinal).Select(i => i.SizeBytes).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return points
            .Where(p => p.FinalSize is not null)
            .OrderBy(p => p.CreatedAt)
            .Select(p => new TrendPoint(p.Id, p.Name, p.CreatedAt, p.FinalName!, p.FinalSize!.Value))
            .ToList();
    }

    public async Task<IAsyncEnumerable<string>?> OpenLogAsync(long experimentId, long iterationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exists = await db.Iterations.AnyAsync(i => i.Id == iterationId && i.ExperimentId == experimentId, cancellationToken);
        return exists ? StreamLogAsync(iterationId, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<IterationReference>> ListComparableIterationsAsync(string project, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Iterations.AsNoTracking()
            .Where(i => i.Experiment!.Project!.Name == project && i.Status == IterationStatus.Succeeded)
            .OrderByDescending(i => i.Experiment!.CreatedAt).ThenBy(i => i.Ordinal)
            .Take(500)
            .Select(i => new IterationReference(i.ExperimentId, i.Experiment!.Name, i.Id, i.Ordinal, i.Name, i.SizeBytes, i.Experiment.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    private async IAsyncEnumerable<string> StreamLogAsync(long iterationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = db.Events.AsNoTracking()
            .Where(e => e.IterationId == iterationId && e.Type == BuildEventType.Log)
            .OrderBy(e => e.Sequence)
            .Select(e => e.Text ?? "")
            .AsAsyncEnumerable();
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            yield return line;
        }
    }

    // Push sizes, efficiency and waste come from the layer analysis, when an iteration has a successful one.
    private static async Task<Dictionary<long, IterationAnalysisNumbers>> LoadAnalysesAsync(
        ImageLabDbContext db, Experiment experiment, CancellationToken cancellationToken)
    {
        var ids = experiment.Iterations.Select(i => i.Id).ToList();
        var analyses = await db.IterationAnalyses.AsNoTracking()
            .Where(a => ids.Contains(a.IterationId) && a.Status == AnalysisStatus.Succeeded)
            .Select(a => new { a.IterationId, a.CompressedSizeEstimated, a.CompressedSizeBytes, a.DiveEfficiency, a.WastedBytes })
            .ToListAsync(cancellationToken);
        var layers = await db.IterationAnalysisLayers.AsNoTracking()
            .Where(l => ids.Contains(l.IterationId) && l.HistoryIndex != null && l.Layer!.CompressedSizeSource != Core.Layers.CompressedSizeSource.NotComputed)
            .Select(l => new { l.IterationId, HistoryIndex = l.HistoryIndex!.Value, l.Layer!.CompressedSizeBytes })
            .ToListAsync(cancellationToken);
        return analyses.ToDictionary(a => a.IterationId, a => new IterationAnalysisNumbers(
            a.CompressedSizeEstimated ? a.CompressedSizeBytes : null,
            a.DiveEfficiency,
            a.WastedBytes,
            layers.Where(l => l.IterationId == a.IterationId).GroupBy(l => l.HistoryIndex).ToDictionary(g => g.Key, g => g.Sum(l => l.CompressedSizeBytes))));
    }

    private sealed record IterationAnalysisNumbers(long? CompressedSizeBytes, double Efficiency, long WastedBytes, Dictionary<int, long> LayerCompressedBytes);

    internal static ExperimentDetails ToDetails(Experiment experiment) => ToDetails(experiment, []);

    private static ExperimentDetails ToDetails(Experiment experiment, Dictionary<long, IterationAnalysisNumbers> analyses)
    {
        var baseline = experiment.Iterations.FirstOrDefault(i => i.Ordinal == 1)?.SizeBytes;
        return new ExperimentDetails(
            experiment.Id,
            experiment.Name,
            experiment.Project?.Name ?? "",
            experiment.SubmittedBy,
            experiment.Status,
            experiment.CreatedAt,
            experiment.Iterations.OrderBy(i => i.Ordinal).Select(i => ToDetails(i, experiment, baseline, analyses.GetValueOrDefault(i.Id))).ToList())
        {
            ContextRemovedAt = experiment.ContextRemovedAt,
            LogsRemovedAt = experiment.LogsRemovedAt,
            AnalysesRemovedAt = experiment.AnalysesRemovedAt,
        };
    }

    private static IterationDetails ToDetails(Iteration iteration, Experiment experiment, long? baselineBytes, IterationAnalysisNumbers? analysis) => new()
    {
        Id = iteration.Id,
        Ordinal = iteration.Ordinal,
        Name = iteration.Name,
        Dockerfile = iteration.DockerfilePath,
        DockerfileText = iteration.DockerfileText,
        Builder = iteration.Builder,
        Status = iteration.Status,
        ImageId = iteration.ImageId,
        ImageTag = iteration.ImageTag,
        SizeBytes = iteration.SizeBytes,
        ReductionPercent = iteration.Ordinal == 1 ? null : StatusRules.ReductionPercent(baselineBytes, iteration.SizeBytes),
        BuildSeconds = iteration.BuildSeconds,
        TotalSteps = iteration.TotalSteps,
        CompletedSteps = iteration.CompletedSteps,
        CachedSteps = iteration.CachedSteps,
        Attempt = iteration.Attempt,
        Engine = iteration.Engine,
        MeasuredOn = iteration.MeasuredOn,
        Error = iteration.FailureReason,
        QueuedAt = iteration.QueuedAt,
        StartedAt = iteration.StartedAt,
        FinishedAt = iteration.FinishedAt,
        CompressedSizeBytes = analysis?.CompressedSizeBytes,
        Efficiency = analysis?.Efficiency,
        WastedBytes = analysis?.WastedBytes,
        SuggestedFrom = iteration.SuggestedFromId,
        Transformations = iteration.Transformations.OrderBy(t => t.Position)
            .Select(t => new TransformationDetails(t.RewriteId, t.Title, t.Line, t.Status, t.SavedBytes, t.Reason, t.OnTopOf)).ToList(),
        Check = iteration.SuggestedFromId is null ? null : CheckOf(iteration, experiment),
        Layers = iteration.Layers.OrderBy(l => l.Index).Select(l => new LayerDetails(
            l.Index, l.HistoryId, l.CreatedBy, l.SizeBytes, l.CreatedAt, l.Comment, l.EmptyLayer, l.FromBaseImage, l.Instruction, l.Line)
        {
            CompressedSizeBytes = analysis is not null && analysis.LayerCompressedBytes.TryGetValue(l.Index, out var compressed) ? compressed : null,
        }).ToList(),
    };

    // A check still waiting on an iteration that ended without an image never runs: it says so instead of waiting.
    private static SuggestionCheck CheckOf(Iteration iteration, Experiment experiment)
    {
        var status = iteration.CheckStatus ?? (experiment.CheckCommand.Count == 0 ? SuggestionCheckStatus.NotRun : SuggestionCheckStatus.Waiting);
        var reason = iteration.CheckReason;
        if (status == SuggestionCheckStatus.Waiting && iteration.Status is IterationStatus.Failed or IterationStatus.Canceled)
        {
            status = SuggestionCheckStatus.NotRun;
            reason = "The suggestion did not build, so its check did not run.";
        }

        return new SuggestionCheck(
            status,
            experiment.CheckCommand,
            experiment.CheckExpect,
            iteration.CheckSourceOutput,
            iteration.CheckSuggestedOutput,
            [.. iteration.Transformations.Where(t => t.FailsCheck).OrderBy(t => t.Position).Select(t => t.RewriteId)],
            reason);
    }
}
