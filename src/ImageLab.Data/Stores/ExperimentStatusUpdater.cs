using ImageLab.Core.Experiments;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>Keeps an experiment's stored status in step with its iterations.</summary>
internal static class ExperimentStatusUpdater
{
    public static async Task UpdateAsync(ImageLabDbContext db, long experimentId, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (ownTransaction)
        {
            // Two iterations of one experiment can end at once (two build slots, two workers): each would read the
            // other still running and the later write would leave the experiment Running for good. Writing the
            // experiment's row first takes its lock, so the second waits for the first to commit and then reads both.
            await db.Experiments.Where(e => e.Id == experimentId)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, e => e.Status), cancellationToken);
            var statuses = await db.Iterations.Where(i => i.ExperimentId == experimentId).Select(i => i.Status).ToListAsync(cancellationToken);
            var status = StatusRules.Combine(statuses);
            await db.Experiments.Where(e => e.Id == experimentId && e.Status != status)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, status), cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
    }
}
