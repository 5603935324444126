using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>A forward-only stream over an experiment's stored context chunks; one chunk in memory at a time.</summary>
internal sealed class ContextChunkStream(IDbContextFactory<ImageLabDbContext> contexts, long experimentId) : Stream
{
    private byte[] _chunk = [];
    private int _offset;
    private int _nextIndex;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
