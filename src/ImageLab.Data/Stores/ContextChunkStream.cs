using ImageLab.Core.IO;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>A forward-only stream over an experiment's stored context chunks; one chunk in memory at a time.</summary>
internal sealed class ContextChunkStream(IDbContextFactory<ImageLabDbContext> contexts, long experimentId) : ReadOnlyStream
{
    private byte[] _chunk = [];
    private int _offset;
    private int _nextIndex;
    private bool _ended;

    // Only synchronous callers come here (the engine client reads asynchronously).
    public override int Read(Span<byte> buffer)
    {
        var rented = new byte[buffer.Length];
        var read = ReadAsync(rented).AsTask().GetAwaiter().GetResult();
        rented.AsSpan(0, read).CopyTo(buffer);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _chunk.Length)
        {
            if (_ended || !await LoadNextChunkAsync(cancellationToken))
            {
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _chunk.Length - _offset);
        _chunk.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    private async Task<bool> LoadNextChunkAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var index = _nextIndex;
        var data = await db.ContextChunks.AsNoTracking()
            .Where(c => c.ExperimentId == experimentId && c.Index == index)
            .Select(c => c.Data)
            .FirstOrDefaultAsync(cancellationToken);
        if (data is null)
        {
            _ended = true;
            return false;
        }

        _chunk = data;
        _offset = 0;
        _nextIndex++;
        return true;
    }
}
