using System.Collections.Concurrent;

namespace ImageLab.Core.Layers;

/// <summary>A process-local <see cref="ILayerAnalysisCache"/>; counts its hits and misses for tests and diagnostics.</summary>
public sealed class InMemoryLayerAnalysisCache : ILayerAnalysisCache
{
    private readonly ConcurrentDictionary<string, LayerAnalysis> _byKey = new(StringComparer.Ordinal);
    private int _hits;
    private int _misses;
    private int _stores;

    public int Hits => Volatile.Read(ref _hits);

    public int Misses => Volatile.Read(ref _misses);

    public int Stores => Volatile.Read(ref _stores);

    public int Count => _byKey.Count;

    public ValueTask<LayerAnalysis?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_byKey.TryGetValue(key, out var analysis))
        {
            Interlocked.Increment(ref _hits);
            return ValueTask.FromResult<LayerAnalysis?>(analysis);
        }

        Interlocked.Increment(ref _misses);
        return ValueTask.FromResult<LayerAnalysis?>(null);
    }

    public ValueTask StoreAsync(LayerAnalysis analysis, IReadOnlyCollection<string> aliases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(aliases);
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _stores);
        _byKey[analysis.DiffId] = analysis;
        foreach (var alias in aliases)
        {
            _byKey[alias] = analysis;
        }

        return ValueTask.CompletedTask;
    }
}
