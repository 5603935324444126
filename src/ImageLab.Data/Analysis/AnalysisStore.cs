using ImageLab.Core.Advice;
using System.Globalization;
using System.Text.Json;
using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
using ImageLab.Data.Entities;
using ImageLab.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Analysis;

/// <summary>
/// Layer analyses of iterations in the store (PostgreSQL or the embedded SQLite): writes the pipeline's results (or its failure), serves the stored
/// numbers, and rebuilds an iteration's full <see cref="ImageAnalysis"/> (tree, history, comparison) from the
/// DiffID-keyed layer rows without the image. Rebuilt analyses of the last few iterations are kept in memory.
/// </summary>
public sealed class AnalysisStore(IDbContextFactory<ImageLabDbContext> contexts, TimeProvider clock)
{
    private const int RebuiltAnalysesKept = 8;
    private readonly Lock _recentLock = new();
    private readonly LinkedList<(long IterationId, ImageAnalysis Analysis)> _recent = new();

    /// <summary>A DiffID cache for one analysis run on an engine that pushes blobs as stored or not; see <see cref="StoreLayerAnalysisCache"/>.</summary>
    public StoreLayerAnalysisCache CreateCache(bool requireCompressedSize, bool blobsPushedAsStored = false) =>
        new(contexts, clock, requireCompressedSize, blobsPushedAsStored: blobsPushedAsStored);

    /// <summary>
    /// Stores a successful analysis (replacing an earlier result of the iteration) if <paramref name="owner"/> still holds
    /// its lease in the <see cref="Queue.AnalysisQueue"/>, which it keeps; false when the lease was lost.
    /// </summary>
    public async Task<bool> SaveSucceededAsync(long iterationId, string owner, ImageAnalysis analysis, AnalysisRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(run);
        await CreateCache(requireCompressedSize: false).EnsureStoredAsync(analysis.Layers.Select(l => l.Layer), cancellationToken);

        var firstOwn = analysis.UserWaste.FirstOwnLayerIndex;
        var row = new IterationAnalysis
        {
            IterationId = iterationId,
            Status = AnalysisStatus.Succeeded,
            AnalyzedAt = clock.GetUtcNow(),
            DurationSeconds = run.Duration.TotalSeconds,
            LayersAnalyzed = run.LayersAnalyzed,
            LayersFromCache = run.LayersFromCache,
            FirstOwnLayerIndex = firstOwn,
            CompressedSizeEstimated = run.CompressedSizeEstimated,
            FileCount = analysis.Tree.FileCount,
            UncompressedSizeBytes = analysis.UncompressedSizeBytes,
            CompressedSizeBytes = analysis.CompressedSizeBytes,
            ContentBytes = analysis.ContentBytes,
            WastedBytes = analysis.WastedBytes,
            WastedPercent = analysis.WastedPercent,
            UserWastedBytes = analysis.UserWaste.WastedBytes,
            UserWastedPercent = analysis.UserWaste.WastedPercent,
            DiveEfficiency = analysis.DiveEfficiency,
            DiveWastedBytes = analysis.DiveWastedBytes,
            DiveUserWastedPercent = analysis.DiveUserWastedPercent,
            FindingsJson = JsonSerializer.Serialize(analysis.Findings, AnalysisJson.Options),
            WarningsJson = JsonSerializer.Serialize(analysis.Warnings, AnalysisJson.Options),
            Layers = analysis.Layers.Select(l => new IterationAnalysisLayer
            {
                IterationId = iterationId,
                Index = l.Index,
                DiffId = l.DiffId,
                HistoryIndex = l.Index < run.HistoryIndexes.Count ? run.HistoryIndexes[l.Index] : null,
                CreatedBy = l.CreatedBy,
                IsBaseLayer = l.IsBaseLayer,
                AddedFileCount = l.AddedFileCount,
                AddedBytes = l.AddedBytes,
                ModifiedFileCount = l.ModifiedFileCount,
                ModifiedBytes = l.ModifiedBytes,
                DeletedFileCount = l.DeletedFileCount,
                DeletedBytes = l.DeletedBytes,
                WastedBytes = l.WastedBytes,
            }).ToList(),
        };
        if (!await ReplaceAsync(row, owner, cancellationToken))
        {
            return false;
        }

        Remember(iterationId, analysis);
        return true;
    }

    /// <summary>
    /// Stores why the analysis failed, like <see cref="SaveSucceededAsync"/> under the lease of <paramref name="owner"/>;
    /// the iteration's build results stay as they are.
    /// </summary>
    public async Task<bool> SaveFailedAsync(long iterationId, string owner, string reason, AnalysisRun run, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentNullException.ThrowIfNull(run);
        return await ReplaceAsync(new IterationAnalysis
        {
            IterationId = iterationId,
            Status = AnalysisStatus.Failed,
            FailureReason = reason.Length > 2000 ? reason[..1997] + "..." : reason,
            AnalyzedAt = clock.GetUtcNow(),
            DurationSeconds = run.Duration.TotalSeconds,
            LayersAnalyzed = run.LayersAnalyzed,
            LayersFromCache = run.LayersFromCache,
            CompressedSizeEstimated = run.CompressedSizeEstimated,
        }, owner, cancellationToken);
    }

    /// <summary>
    /// The iteration's measurement as stored, for its analysis; null when it has none (it did not build). The engine goes
    /// with it: on the containerd store the analysis reads push sizes from the blobs, not estimates.
    /// </summary>
    public async Task<IterationMeasurement?> GetMeasurementAsync(long iterationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var i = await db.Iterations.AsNoTracking()
            .Where(i => i.Id == iterationId && i.Status == IterationStatus.Succeeded && i.ImageId != null)
            .Select(i => new
            {
                i.Id, i.ImageId, i.ImageTag, i.SizeBytes, i.BuildSeconds, i.TotalSteps, i.CachedSteps, i.Engine, i.Layers,
                i.EngineVersion, i.EngineApiVersion, i.StorageDriver, i.ImageStore,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return i is null ? null : new IterationMeasurement(
            i.ImageId!, i.ImageTag ?? "", i.SizeBytes ?? 0, i.BuildSeconds ?? 0, i.TotalSteps, i.CachedSteps, i.Engine ?? "",
            i.Layers.OrderBy(l => l.Index).Select(l => new LayerDetails(
                l.Index, l.HistoryId, l.CreatedBy, l.SizeBytes, l.CreatedAt, l.Comment, l.EmptyLayer, l.FromBaseImage, l.Instruction, l.Line)).ToList(),
            Iteration.EngineOf(i.EngineVersion, i.EngineApiVersion, i.StorageDriver, i.ImageStore));
    }

    /// <summary>Whether the iteration's analysis can be served, with a sentence saying why not.</summary>
    public async Task<AnalysisState> GetStateAsync(long iterationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Iterations.AsNoTracking()
            .Where(i => i.Id == iterationId)
            .Select(i => new
            {
                i.Status,
                i.Experiment!.AnalysesRemovedAt,
                Analysis = db.IterationAnalyses.Where(a => a.IterationId == i.Id).Select(a => new { a.Status, a.FailureReason }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found switch
        {
            null => new(AnalysisAvailability.NoIteration, $"There is no iteration {iterationId}."),
            { AnalysesRemovedAt: { } removed, Analysis.Status: AnalysisStatus.Succeeded } => new(AnalysisAvailability.RemovedByRetention,
                $"The layer analysis of iteration {iterationId} (its files, waste findings and packages) was removed by retention on "
                + $"{removed.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (Retention:KeepAnalysesOfLatestExperiments); its sizes, layers and push size are kept."),
            { Analysis.Status: AnalysisStatus.Succeeded } => new(AnalysisAvailability.Available, null),
            { Analysis.Status: AnalysisStatus.Failed } => new(AnalysisAvailability.Failed,
                $"The layer analysis of iteration {iterationId} failed: {found.Analysis.FailureReason}"),
            { Status: IterationStatus.Failed or IterationStatus.Canceled } => new(AnalysisAvailability.NotAnalyzed,
                $"Iteration {iterationId} did not build ({found.Status}), so there is no image to analyze."),
            { Analysis.Status: AnalysisStatus.Queued } => new(AnalysisAvailability.NotAnalyzed,
                $"Iteration {iterationId} has not been analyzed yet: its layer analysis waits in the analysis queue or is running; try again shortly."),
            { Status: IterationStatus.Succeeded } => new(AnalysisAvailability.NotAnalyzed,
                $"Iteration {iterationId} has no layer analysis (Analysis:Enabled was false when it was built)."),
            _ => new(AnalysisAvailability.NotAnalyzed,
                $"Iteration {iterationId} is still {found.Status.ToString().ToLowerInvariant()}: its layers are analyzed once the build succeeds."),
        };
    }

    /// <summary>For each of <paramref name="diffIds"/> analyzed before, the history texts its layer was created by.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> GetKnownCreatedByAsync(
        IReadOnlyCollection<string> diffIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diffIds);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await db.IterationAnalysisLayers.AsNoTracking()
            .Where(l => diffIds.Contains(l.DiffId) && l.HistoryIndex != null)
            .Select(l => new { l.DiffId, l.CreatedBy })
            .Distinct()
            .ToListAsync(cancellationToken);
        // An imported base's layer has no text in its config: docker history shows it empty.
        return known.GroupBy(l => l.DiffId, StringComparer.Ordinal).ToDictionary(
            g => g.Key, IReadOnlySet<string> (g) => g.Select(l => l.CreatedBy ?? "").ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    // The analyses retention has not removed (Retention:KeepAnalysesOfLatestExperiments); removed ones keep only their totals.
    private static IQueryable<IterationAnalysis> KeptAnalyses(ImageLabDbContext db) =>
        db.IterationAnalyses.AsNoTracking().Where(a => db.Iterations.Any(i => i.Id == a.IterationId && i.Experiment!.AnalysesRemovedAt == null));

    /// <summary>
    /// The waste each iteration's layer analysis measured, by <c>docker history</c> row, for many iterations in two queries
    /// (an experiment's advice read one analysis per iteration); an iteration not (yet) analyzed has none.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<LayerWaste>>> LoadWasteByHistoryRowAsync(
        IReadOnlyCollection<long> iterationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(iterationIds);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var analyses = await KeptAnalyses(db)
            .Where(a => iterationIds.Contains(a.IterationId) && a.Status == AnalysisStatus.Succeeded)
            .Select(a => new { a.IterationId, a.FindingsJson })
            .ToListAsync(cancellationToken);
        var analyzed = analyses.Select(a => a.IterationId).ToList();
        // The analyzer numbers the image's layer tars; findings are tied to history rows through HistoryIndex.
        var historyRows = (await db.IterationAnalysisLayers.AsNoTracking()
                .Where(l => analyzed.Contains(l.IterationId) && l.HistoryIndex != null)
                .Select(l => new { l.IterationId, l.Index, HistoryIndex = l.HistoryIndex!.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.IterationId);
        return analyses.ToDictionary(a => a.IterationId, IReadOnlyList<LayerWaste> (a) =>
        {
            var historyIndex = historyRows[a.IterationId].ToDictionary(l => l.Index, l => l.HistoryIndex);
            return (JsonSerializer.Deserialize<List<WasteFinding>>(a.FindingsJson, AnalysisJson.Options) ?? [])
                .Where(f => historyIndex.ContainsKey(f.LayerIndex))
                .Select(f => new LayerWaste(historyIndex[f.LayerIndex], f.PatternId, f.Bytes))
                .ToList();
        });
    }

    /// <summary>The stored analysis of an iteration, or null when it has not been analyzed (yet).</summary>
    public async Task<StoredAnalysis?> GetAnalysisAsync(long iterationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await KeptAnalyses(db)
            .Where(a => a.IterationId == iterationId && a.Status != AnalysisStatus.Queued)
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        // The entries blobs stay in the database: only the per-layer numbers are read here.
        var layers = await db.IterationAnalysisLayers.AsNoTracking()
            .Where(l => l.IterationId == iterationId)
            .OrderBy(l => l.Index)
            .Select(l => new
            {
                Own = l,
                l.Layer!.FileCount,
                l.Layer.ContentBytes,
                l.Layer.UncompressedSizeBytes,
                l.Layer.CompressedSizeBytes,
                l.Layer.CompressedSizeSource,
                l.Layer.LargestFilesJson,
            })
            .ToListAsync(cancellationToken);
        var findings = JsonSerializer.Deserialize<List<WasteFinding>>(row.FindingsJson, AnalysisJson.Options) ?? [];
        return new StoredAnalysis
        {
            IterationId = row.IterationId,
            Status = row.Status,
            FailureReason = row.FailureReason,
            AnalyzedAt = row.AnalyzedAt,
            DurationSeconds = row.DurationSeconds,
            LayersAnalyzed = row.LayersAnalyzed,
            LayersFromCache = row.LayersFromCache,
            Efficiency = row.DiveEfficiency,
            WastedBytes = row.WastedBytes,
            WastedPercent = row.WastedPercent,
            UserWastedBytes = row.UserWastedBytes,
            UserWastedPercent = row.UserWastedPercent,
            CompressedSizeBytes = row.Status == AnalysisStatus.Succeeded && row.CompressedSizeEstimated ? row.CompressedSizeBytes : null,
            UncompressedSizeBytes = row.UncompressedSizeBytes,
            ContentBytes = row.ContentBytes,
            FileCount = row.FileCount,
            FirstOwnLayerIndex = row.FirstOwnLayerIndex,
            DiveWastedBytes = row.DiveWastedBytes,
            DiveUserWastedPercent = row.DiveUserWastedPercent,
            Findings = findings,
            Layers = layers.Select(l => new StoredAnalysisLayer
            {
                Index = l.Own.Index,
                DiffId = l.Own.DiffId,
                HistoryIndex = l.Own.HistoryIndex,
                CreatedBy = l.Own.CreatedBy,
                IsBaseLayer = l.Own.IsBaseLayer,
                FileCount = l.FileCount,
                ContentBytes = l.ContentBytes,
                UncompressedSizeBytes = l.UncompressedSizeBytes,
                CompressedSizeBytes = l.CompressedSizeSource == CompressedSizeSource.NotComputed ? null : l.CompressedSizeBytes,
                AddedFileCount = l.Own.AddedFileCount,
                AddedBytes = l.Own.AddedBytes,
                ModifiedFileCount = l.Own.ModifiedFileCount,
                ModifiedBytes = l.Own.ModifiedBytes,
                DeletedCount = l.Own.DeletedFileCount,
                DeletedBytes = l.Own.DeletedBytes,
                WastedBytes = l.Own.WastedBytes,
                LargestFiles = JsonSerializer.Deserialize<List<LayerFile>>(l.LargestFilesJson, AnalysisJson.Options) ?? [],
                Findings = findings.Where(f => f.LayerIndex == l.Own.Index).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// The full analysis of a successfully analyzed iteration, rebuilt from its stored layers (tree, path history,
    /// per-layer trees); null when there is none.
    /// </summary>
    public async Task<ImageAnalysis?> LoadImageAnalysisAsync(long iterationId, CancellationToken cancellationToken)
    {
        lock (_recentLock)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.IterationId == iterationId)
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return node.Value.Analysis;
                }
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var head = await KeptAnalyses(db)
            .Where(a => a.IterationId == iterationId && a.Status == AnalysisStatus.Succeeded)
            .Select(a => new { a.FirstOwnLayerIndex })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var order = await db.IterationAnalysisLayers.AsNoTracking()
            .Where(l => l.IterationId == iterationId)
            .OrderBy(l => l.Index)
            .Select(l => new { l.DiffId, l.CreatedBy })
            .ToListAsync(cancellationToken);
        var ids = order.Select(l => l.DiffId).Distinct().ToList();
        var rows = await db.AnalyzedLayers.AsNoTracking().Where(l => ids.Contains(l.DiffId)).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.DiffId, StoreLayerAnalysisCache.ToAnalysis, StringComparer.Ordinal);
        var analysis = ImageAnalysis.FromLayers(
            order.Select(l => byId[l.DiffId]).ToList(),
            new ImageAnalysisOptions { FirstOwnLayerIndex = head.FirstOwnLayerIndex },
            new ImageMetadata { CreatedBy = order.Select(l => l.CreatedBy).ToList() });
        Remember(iterationId, analysis);
        return analysis;
    }

    /// <summary>
    /// Which Dockerfile line made each analysed layer of the iteration's image: the analysis layer's <c>docker history</c>
    /// row, and the line the build matched to that row; <see cref="LayerLines.None"/> when there is no such iteration.
    /// </summary>
    public async Task<LayerLines> LoadLayerLinesAsync(long iterationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dockerfile = await db.Iterations.AsNoTracking().Where(i => i.Id == iterationId).Select(i => i.DockerfileText).FirstOrDefaultAsync(cancellationToken);
        if (dockerfile is null)
        {
            return LayerLines.None;
        }

        var lines = await db.IterationAnalysisLayers.AsNoTracking()
            .Where(l => l.IterationId == iterationId && l.HistoryIndex != null)
            .Join(db.Layers.Where(h => h.IterationId == iterationId && h.Line != null), l => l.HistoryIndex, h => (int?)h.Index, (l, h) => new { l.Index, h.Line })
            .ToListAsync(cancellationToken);
        return new LayerLines(dockerfile, lines.ToDictionary(l => l.Index, l => l.Line!.Value));
    }

    // The row keeps its place in the queue (the lease) while the results in it are replaced.
    private async Task<bool> ReplaceAsync(IterationAnalysis row, string owner, CancellationToken cancellationToken)
    {
        Forget(row.IterationId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lease = await db.IterationAnalyses.Where(a => a.IterationId == row.IterationId && a.LeaseOwner == owner)
            .Select(a => new { a.LeaseExpiresAt, a.Attempt })
            .FirstOrDefaultAsync(cancellationToken);
        if (lease is null)
        {
            return false;
        }

        (row.LeaseOwner, row.LeaseExpiresAt, row.Attempt) = (owner, lease.LeaseExpiresAt, lease.Attempt);
        await db.IterationAnalysisLayers.Where(l => l.IterationId == row.IterationId).ExecuteDeleteAsync(cancellationToken);
        await db.IterationAnalyses.Where(a => a.IterationId == row.IterationId).ExecuteDeleteAsync(cancellationToken);
        db.IterationAnalyses.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private void Remember(long iterationId, ImageAnalysis analysis)
    {
        lock (_recentLock)
        {
            Forget(iterationId);
            _recent.AddFirst((iterationId, analysis));
            while (_recent.Count > RebuiltAnalysesKept)
            {
                _recent.RemoveLast();
            }
        }
    }

    private void Forget(long iterationId)
    {
        lock (_recentLock)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.IterationId == iterationId)
                {
                    _recent.Remove(node);
                    return;
                }
            }
        }
    }
}
