using System.Text.Json;
using ImageLab.Core.Layers;
using ImageLab.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ImageLab.Data.Analysis;

/// <summary>
/// The layer-analysis cache in the store, PostgreSQL or the embedded SQLite (<c>analyzed_layers</c> and <c>layer_analysis_aliases</c>): a layer shared
/// by several images (a ladder's base) is analyzed once, by whichever worker gets there first. One instance per
/// analysis run, so that its counters describe that run. Thread-safe.
/// </summary>
/// <remarks>
/// A layer's push size depends on the engine that pushes it: a graph driver gzips the plain tar, the containerd image
/// store pushes its blob as stored. A cached push size from the other kind of engine is a miss (the layer is read
/// again), so that one engine's numbers never stand for another's.
/// </remarks>
public sealed class StoreLayerAnalysisCache(
    IDbContextFactory<ImageLabDbContext> contexts,
    TimeProvider clock,
    bool requireCompressedSize,
    int largestFiles = 10,
    bool blobsPushedAsStored = false) : ILayerAnalysisCache
{
    // SQLITE_CONSTRAINT and its UNIQUE and PRIMARYKEY extended codes.
    private const int SqliteConstraintError = 19;
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;

    private int _hits;
    private int _misses;
    private int _stores;

    public int Hits => Volatile.Read(ref _hits);

    public int Misses => Volatile.Read(ref _misses);

    public int Stores => Volatile.Read(ref _stores);

    public async ValueTask<LayerAnalysis?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.AnalyzedLayers.AsNoTracking()
            .Where(l => l.DiffId == key || db.LayerAnalysisAliases.Any(a => a.Alias == key && a.DiffId == l.DiffId))
            .FirstOrDefaultAsync(cancellationToken);

        if (row is null || !Satisfies(row))
        {
            Interlocked.Increment(ref _misses);
            return null;
        }

        Interlocked.Increment(ref _hits);
        return ToAnalysis(row);
    }

    /// <summary>
    /// Whether every layer of <paramref name="keys"/> would be a hit, without reading the layers' entries (and without
    /// counting hits or misses).
    /// </summary>
    public async Task<bool> HoldsAllAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var key in keys)
        {
            var row = await db.AnalyzedLayers.AsNoTracking()
                .Where(l => l.DiffId == key || db.LayerAnalysisAliases.Any(a => a.Alias == key && a.DiffId == l.DiffId))
                .Select(l => new
                {
                    l.DiffId, l.CompressedSizeSource, l.BlobCompression, HasPackageDatabases = l.PackageDatabases != null, HasElfDebugBytes = l.ElfDebugBytes != null,
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (row is null || !Satisfies(new AnalyzedLayer
            {
                DiffId = row.DiffId,
                CompressedSizeSource = row.CompressedSizeSource,
                BlobCompression = row.BlobCompression,
                PackageDatabases = row.HasPackageDatabases ? [] : null,
                ElfDebugBytes = row.HasElfDebugBytes ? [] : null,
            }))
            {
                return false;
            }
        }

        return true;
    }

    public async ValueTask StoreAsync(LayerAnalysis analysis, IReadOnlyCollection<string> aliases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(aliases);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.AnalyzedLayers.FirstOrDefaultAsync(l => l.DiffId == analysis.DiffId, cancellationToken);
        if (existing is null)
        {
            db.AnalyzedLayers.Add(ToRow(analysis));
        }
        else
        {
            if (existing.CompressedSizeSource == CompressedSizeSource.NotComputed && analysis.CompressedSizeSource != CompressedSizeSource.NotComputed)
            {
                existing.CompressedSizeBytes = analysis.CompressedSizeBytes;
                existing.CompressedSizeSource = analysis.CompressedSizeSource;
            }
            if (existing.PackageDatabases is null && analysis.PackageDatabases is not null)
            {
                existing.PackageDatabases = PackageDatabaseCodec.Encode(analysis.PackageDatabases);
            }
            if (existing.ElfDebugBytes is null && analysis.DebugSectionBytes is not null)
            {
                existing.ElfDebugBytes = DebugSectionBytesCodec.Encode(analysis.DebugSectionBytes);
            }
        }

        var known = await db.LayerAnalysisAliases.Where(a => aliases.Contains(a.Alias)).Select(a => a.Alias).ToListAsync(cancellationToken);
        foreach (var alias in aliases.Except(known, StringComparer.Ordinal).Where(a => a != analysis.DiffId))
        {
            db.LayerAnalysisAliases.Add(new LayerAnalysisAlias { Alias = alias, DiffId = analysis.DiffId });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            Interlocked.Increment(ref _stores);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            or SqliteException { SqliteErrorCode: SqliteConstraintError, SqliteExtendedErrorCode: SqliteUniqueViolation or SqlitePrimaryKeyViolation })
        {
            // Another worker stored the same layer at the same moment: theirs is as good as ours.
        }
    }

    // A layer cached while push sizes were switched off is analyzed again once they are wanted; one cached before
    // ImageLab read package databases or ELF debug sections, once.
    private bool Satisfies(AnalyzedLayer row) =>
        row.PackageDatabases is not null && row.ElfDebugBytes is not null
        && (!requireCompressedSize || (row.CompressedSizeSource != CompressedSizeSource.NotComputed && PushedAlike(row)));

    // An estimate is a graph driver's push size; a plain tar's own size is the containerd store's. Compressed blobs push as they are everywhere.
    private bool PushedAlike(AnalyzedLayer row) => row.BlobCompression != LayerBlobCompression.None
        || (row.CompressedSizeSource == CompressedSizeSource.BlobSize) == blobsPushedAsStored;

    /// <summary>Makes sure every layer of <paramref name="layers"/> is stored (layers read from the cache already are).</summary>
    internal async Task EnsureStoredAsync(IEnumerable<LayerAnalysis> layers, CancellationToken cancellationToken)
    {
        var all = layers.DistinctBy(l => l.DiffId).ToList();
        var ids = all.Select(l => l.DiffId).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var present = await db.AnalyzedLayers.Where(l => ids.Contains(l.DiffId)).Select(l => l.DiffId).ToListAsync(cancellationToken);
        foreach (var layer in all.Where(l => !present.Contains(l.DiffId)))
        {
            await StoreAsync(layer, [], cancellationToken);
        }
    }

    internal static LayerAnalysis ToAnalysis(AnalyzedLayer row) => new(
        row.DiffId,
        row.UncompressedSizeBytes,
        row.CompressedSizeBytes,
        row.CompressedSizeSource,
        row.BlobCompression,
        LayerEntryCodec.Decode(row.Entries, row.EntriesFormat),
        JsonSerializer.Deserialize<List<string>>(row.WarningsJson, AnalysisJson.Options) ?? [],
        row.PackageDatabases is { } databases ? PackageDatabaseCodec.Decode(databases) : null,
        row.ElfDebugBytes is { } debugBytes ? DebugSectionBytesCodec.Decode(debugBytes) : null);

    private AnalyzedLayer ToRow(LayerAnalysis analysis) => new()
    {
        DiffId = analysis.DiffId,
        UncompressedSizeBytes = analysis.UncompressedSizeBytes,
        CompressedSizeBytes = analysis.CompressedSizeBytes,
        CompressedSizeSource = analysis.CompressedSizeSource,
        BlobCompression = analysis.BlobCompression,
        ContentBytes = analysis.ContentBytes,
        FileCount = analysis.FileCount,
        DirectoryCount = analysis.DirectoryCount,
        SymlinkCount = analysis.SymlinkCount,
        HardLinkCount = analysis.HardLinkCount,
        WhiteoutCount = analysis.WhiteoutCount,
        EntryCount = analysis.Entries.Count,
        LargestFilesJson = JsonSerializer.Serialize(LargestFiles(analysis, largestFiles), AnalysisJson.Options),
        WarningsJson = JsonSerializer.Serialize(analysis.Warnings, AnalysisJson.Options),
        EntriesFormat = LayerEntryCodec.Format,
        Entries = LayerEntryCodec.Encode(analysis.Entries),
        PackageDatabases = analysis.PackageDatabases is { } databases ? PackageDatabaseCodec.Encode(databases) : null,
        ElfDebugBytes = analysis.DebugSectionBytes is { } debugBytes ? DebugSectionBytesCodec.Encode(debugBytes) : null,
        AnalyzedAt = clock.GetUtcNow(),
    };

    private static List<LayerFile> LargestFiles(LayerAnalysis analysis, int count) =>
        analysis.Entries.Where(e => e.Kind == LayerEntryKind.File)
            .OrderByDescending(e => e.SizeBytes).ThenBy(e => e.Path, StringComparer.Ordinal)
            .Take(count)
            .Select(e => new LayerFile(e.Path, e.SizeBytes))
            .ToList();
}
