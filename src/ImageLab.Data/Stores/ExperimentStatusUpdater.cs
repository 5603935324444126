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
            // other still running and the later write would leave the experiment Running for good. Locking the
            // experiment's row makes the second wait for the first to commit and then read both. SQLite's transactions
            // begin immediate, which serializes writers already.
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM experiments WHERE id = {experimentId} FOR UPDATE", cancellationToken);
            }

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
