using ImageLab.Core.Experiments;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>Finds the experiment another one is compared with: the newest earlier succeeded experiment of its project carrying a label.</summary>
public sealed class BaselineQueries(IDbContextFactory<ImageLabDbContext> contexts)
{
    /// <summary>The baseline's id, or null when the experiment does not exist or no earlier one of its project qualifies.</summary>
    public async Task<long?> FindBaselineAsync(long experimentId, string labelKey, string labelValue, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectId = await db.Experiments.Where(e => e.Id == experimentId).Select(e => (long?)e.ProjectId).FirstOrDefaultAsync(cancellationToken);
        if (projectId is null)
        {
            return null;
        }

        return await db.Experiments
            .Where(e => e.ProjectId == projectId && e.Id < experimentId && e.Status == ExperimentStatus.Succeeded)
            .Where(e => db.Set<Entities.ExperimentLabel>().Any(l => l.ExperimentId == e.Id && l.Key == labelKey && l.Value == labelValue))
            .OrderByDescending(e => e.Id)
            .Select(e => (long?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
