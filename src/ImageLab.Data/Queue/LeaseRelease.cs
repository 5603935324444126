using ImageLab.Core.Experiments;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Queue;

/// <summary>
/// Puts a claimed iteration back in the queue without counting the attempt (the engine was down, not the build): the
/// same statement on every store, so both queues share it.
/// </summary>
internal static class LeaseRelease
{
    public static async Task ReleaseAsync(
        IDbContextFactory<ImageLabDbContext> contexts, long iterationId, string owner, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Iterations.Where(i => i.Id == iterationId && i.LeaseOwner == owner).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.Status, IterationStatus.Queued)
            .SetProperty(i => i.LeaseOwner, (string?)null)
            .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(i => i.Attempt, i => i.Attempt > 0 ? i.Attempt - 1 : 0)
            .SetProperty(i => i.StartedAt, (DateTimeOffset?)null)
            .SetProperty(i => i.TotalSteps, 0)
            .SetProperty(i => i.CompletedSteps, 0)
            .SetProperty(i => i.CachedSteps, 0)
            .SetProperty(i => i.FailureReason, reason), cancellationToken);
    }
}
