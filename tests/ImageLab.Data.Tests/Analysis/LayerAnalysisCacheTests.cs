using ImageLab.Core.Layers;
using ImageLab.Data;
using ImageLab.Data.Analysis;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Tests.Analysis;

/// <summary>The DiffID-keyed layer cache, on each store.</summary>
public abstract class LayerAnalysisCacheTests(TestStoreKind store) : IAsyncLifetime
{
    private readonly DataFixture _data = new(store);

    private IDbContextFactory<ImageLabDbContext> Contexts => _data.Contexts;

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task TryGet_StoredUnderDiffIdAndAlias_ReturnsTheSameEntriesFromANewCache()
    {
        var layer = SampleLayer("sha256:" + new string('a', 64), CompressedSizeSource.Estimated);
        var writer = new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true);
        await writer.StoreAsync(layer, ["legacy:0123", "sha256:" + new string('b', 64)], CancellationToken.None);

        var reader = new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true);
        var byDiffId = await reader.TryGetAsync(layer.DiffId, CancellationToken.None);
        var byAlias = await reader.TryGetAsync("legacy:0123", CancellationToken.None);
        var unknown = await reader.TryGetAsync("legacy:4567", CancellationToken.None);

        Assert.NotNull(byDiffId);
        Assert.NotNull(byAlias);
        Assert.Null(unknown);
        Assert.Equal(2, reader.Hits);
        Assert.Equal(1, reader.Misses);
        Assert.Equal(layer.Entries, byAlias.Entries);
        Assert.Equal(layer.CompressedSizeBytes, byAlias.CompressedSizeBytes);
        Assert.Equal(layer.FileCount, byAlias.FileCount);
        Assert.Equal(layer.ContentBytes, byAlias.ContentBytes);
    }

    [Fact]
    public async Task TryGet_LayerWithPackageDatabases_ReturnsTheirTexts()
    {
        var databases = new Dictionary<string, string>
        {
            ["/var/lib/dpkg/status"] = "Package: hello\nStatus: install ok installed\nVersion: 2.10-3\n",
            ["/var/lib/dpkg/info/hello.list"] = "/usr/bin/hello\n/usr/share/doc/hello/copyright\n",
        };
        var layer = SampleLayer("sha256:" + Guid.NewGuid().ToString("N") + new string('f', 32), CompressedSizeSource.Estimated, databases);
        await new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true).StoreAsync(layer, [], CancellationToken.None);

        var cached = await new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true).TryGetAsync(layer.DiffId, CancellationToken.None);

        Assert.NotNull(cached);
        Assert.Equal(databases, cached.PackageDatabases);
    }

    [Fact]
    public async Task TryGet_LayerCachedBeforePackageDatabasesWereRead_IsAMissUntilStoredAgain()
    {
        var diffId = "sha256:" + Guid.NewGuid().ToString("N") + new string('9', 32);
        var cache = new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true);
        await cache.StoreAsync(SampleLayer(diffId, CompressedSizeSource.Estimated), [], CancellationToken.None);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.AnalyzedLayers.Where(l => l.DiffId == diffId).ExecuteUpdateAsync(set => set.SetProperty(l => l.PackageDatabases, (byte[]?)null));
        }

        var before = await cache.TryGetAsync(diffId, CancellationToken.None);
        await cache.StoreAsync(SampleLayer(diffId, CompressedSizeSource.Estimated, new Dictionary<string, string> { ["/lib/apk/db/installed"] = "P:musl\n" }), [], CancellationToken.None);
        var after = await cache.TryGetAsync(diffId, CancellationToken.None);

        Assert.Null(before);
        Assert.NotNull(after);
        Assert.Equal(["/lib/apk/db/installed"], after.PackageDatabases!.Keys);
    }

    [Fact]
    public async Task TryGet_LayerCachedWithoutPushSize_IsAMissWhenPushSizesAreWanted()
    {
        var layer = SampleLayer("sha256:" + new string('c', 64), CompressedSizeSource.NotComputed);
        await new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: false).StoreAsync(layer, [], CancellationToken.None);

        Assert.Null(await new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true).TryGetAsync(layer.DiffId, CancellationToken.None));
        Assert.NotNull(await new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: false).TryGetAsync(layer.DiffId, CancellationToken.None));
    }

    [Theory]
    [InlineData(CompressedSizeSource.Estimated, false, true)]
    [InlineData(CompressedSizeSource.Estimated, true, false)]
    [InlineData(CompressedSizeSource.BlobSize, true, true)]
    [InlineData(CompressedSizeSource.BlobSize, false, false)]
    public async Task TryGet_PlainTarCachedByOneKindOfEngine_HitOnlyWhereItIsPushedAlike(
        CompressedSizeSource cachedAs, bool readerPushesAsStored, bool hit)
    {
        // A graph driver estimates the gzip it will push; the containerd store pushes the plain tar as it is.
        var layer = SampleLayer("sha256:" + Guid.NewGuid().ToString("N") + new string('e', 32), cachedAs);
        await new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true).StoreAsync(layer, [], CancellationToken.None);

        var reader = new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true, blobsPushedAsStored: readerPushesAsStored);

        Assert.Equal(hit, await reader.TryGetAsync(layer.DiffId, CancellationToken.None) is not null);
    }

    [Fact]
    public async Task Store_SameLayerTwice_KeepsOneRow()
    {
        var layer = SampleLayer("sha256:" + new string('d', 64), CompressedSizeSource.Estimated);
        var cache = new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true);
        await Task.WhenAll(
            cache.StoreAsync(layer, ["legacy:x"], CancellationToken.None).AsTask(),
            cache.StoreAsync(layer, ["legacy:x"], CancellationToken.None).AsTask());

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.AnalyzedLayers.CountAsync(l => l.DiffId == layer.DiffId));
        Assert.Equal(1, await db.LayerAnalysisAliases.CountAsync(a => a.Alias == "legacy:x"));
    }

    [Fact]
    public void Codec_AwkwardEntries_RoundTrip()
    {
        LayerEntry[] entries =
        [
            new("/usr", LayerEntryKind.Directory, 0, null, 1_700_000_000),
            new("/usr/lib/python3.11/site-packages/" + new string('x', 300) + ".py", LayerEntryKind.File, 12_345, null, 1_700_000_001),
            new("/usr/lib/python3.11/site-packages/émoji-😀.txt", LayerEntryKind.File, 5_000_000_000, null, -1),
            new("/usr/bin/python", LayerEntryKind.Symlink, 0, "python3.11", 0),
            new("/usr/bin/python3", LayerEntryKind.HardLink, 0, "/usr/bin/python3.11", 0),
            new("/var/lib/apt/lists", LayerEntryKind.OpaqueDirectory, 0),
            new("/tmp/gone", LayerEntryKind.Whiteout, 0),
            new("/dev/null", LayerEntryKind.Other, 0),
        ];

        var decoded = LayerEntryCodec.Decode(LayerEntryCodec.Encode(entries), LayerEntryCodec.Format);

        Assert.Equal(entries, decoded);
    }

    [Fact]
    public async Task TryGet_LayerWithElfDebugSections_ReturnsTheirBytesPerFile()
    {
        var debugBytes = new Dictionary<string, long> { ["/app/big.bin"] = 3_000, ["/usr/bin/tool"] = 12_345_678_901 };
        var layer = SampleLayer("sha256:" + Guid.NewGuid().ToString("N") + new string('e', 32), CompressedSizeSource.Estimated, debugSectionBytes: debugBytes);
        await new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true).StoreAsync(layer, [], CancellationToken.None);

        var cached = await new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true).TryGetAsync(layer.DiffId, CancellationToken.None);

        Assert.NotNull(cached);
        Assert.Equal(debugBytes, cached.DebugSectionBytes);
    }

    [Fact]
    public async Task TryGet_LayerCachedBeforeElfDebugSectionsWereRead_IsAMissUntilStoredAgain()
    {
        var diffId = "sha256:" + Guid.NewGuid().ToString("N") + new string('d', 32);
        var cache = new StoreLayerAnalysisCache(Contexts, TimeProvider.System, requireCompressedSize: true);
        await cache.StoreAsync(SampleLayer(diffId, CompressedSizeSource.Estimated), [], CancellationToken.None);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.AnalyzedLayers.Where(l => l.DiffId == diffId).ExecuteUpdateAsync(set => set.SetProperty(l => l.ElfDebugBytes, (byte[]?)null));
        }

        var before = await cache.TryGetAsync(diffId, CancellationToken.None);
        var heldBefore = await cache.HoldsAllAsync([diffId], CancellationToken.None);
        await cache.StoreAsync(SampleLayer(diffId, CompressedSizeSource.Estimated, debugSectionBytes: new Dictionary<string, long> { ["/app/big.bin"] = 100 }), [], CancellationToken.None);
        var after = await cache.TryGetAsync(diffId, CancellationToken.None);

        Assert.Null(before);
        Assert.False(heldBefore);
        Assert.NotNull(after);
        Assert.Equal(new Dictionary<string, long> { ["/app/big.bin"] = 100 }, after.DebugSectionBytes);
        Assert.True(await cache.HoldsAllAsync([diffId], CancellationToken.None));
    }

    private static LayerAnalysis SampleLayer(
        string diffId,
        CompressedSizeSource source,
        IReadOnlyDictionary<string, string>? packageDatabases = null,
        IReadOnlyDictionary<string, long>? debugSectionBytes = null) => new(
        diffId, 10_240, source == CompressedSizeSource.NotComputed ? 0 : 1_234, source, LayerBlobCompression.None,
        [
            new LayerEntry("/app", LayerEntryKind.Directory, 0),
            new LayerEntry("/app/main.py", LayerEntryKind.File, 307, null, 1_700_000_000),
            new LayerEntry("/app/big.bin", LayerEntryKind.File, 4_096),
            new LayerEntry("/app/link", LayerEntryKind.Symlink, 0, "main.py"),
        ],
        packageDatabases: packageDatabases ?? new Dictionary<string, string>(),
        debugSectionBytes: debugSectionBytes ?? new Dictionary<string, long>());

    public sealed class OnPostgreSql() : LayerAnalysisCacheTests(TestStoreKind.PostgreSql);

    public sealed class OnSqlite() : LayerAnalysisCacheTests(TestStoreKind.Sqlite);
}
