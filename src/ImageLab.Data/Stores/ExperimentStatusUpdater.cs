using ImageLab.Core.Experiments;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>Keeps an experiment's stored status in step with its iterations.</summary>
internal static class ExperimentStatusUpdater
{
    public static async Task UpdateAsync(ImageLabDbContext db, long experimentId, CancellationToken cancellationToken)
    {
        var statuses = await db.Iterations.Where(i => i.ExperimentId == experimentId).Select(i => i.Status).ToListAsync(cancellationToken);
        var status = StatusRules.Combine(statuses);
        await db.Experiments.Where(e => e.Id == experimentId && e.Status != status)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, status), cancellationToken);
    }
}
