using ImageLab.Core.Experiments;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>What operators watch: the queue's depth (for metrics) and the database's size per table.</summary>
public sealed partial class OperationsQueries(IDbContextFactory<ImageLabDbContext> contexts)
{
    public async Task<QueueDepth> GetQueueDepthAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Iterations.AsNoTracking()
            .Where(i => i.Status == IterationStatus.Queued || i.Status == IterationStatus.Building || i.Status == IterationStatus.Measuring)
            .GroupBy(i => i.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return new QueueDepth(
            counts.Where(c => c.Status == IterationStatus.Queued).Sum(c => c.Count),
            counts.Where(c => c.Status != IterationStatus.Queued).Sum(c => c.Count));
    }
}
