using ImageLab.Core.Experiments;
using ImageLab.Data.Entities;
using ImageLab.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>
/// Appends events in batches and reads them back by sequence. With a notifier, each batch is stored in a
/// transaction that orders it against other processes' writers and announces it to them on commit.
/// </summary>
public sealed class EventStore(IDbContextFactory<ImageLabDbContext> contexts, IEventNotifier? notifier = null)
{
    /// <summary>Stores a batch in one round trip; returns the messages with the sequences the database gave them.</summary>
    public async Task<IReadOnlyList<BuildEventMessage>> AppendAsync(IReadOnlyList<BuildEventMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = batch.Select(m => new ExperimentEvent
        {
            ExperimentId = m.ExperimentId,
            IterationId = m.IterationId,
            Type = m.Type,
            At = m.At,
            Status = m.Status,
            Step = m.Step,
            TotalSteps = m.TotalSteps,
            Cached = m.Cached,
            Text = m.Text,
        }).ToList();
        if (notifier is null)
        {
            db.Events.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            return rows.Select(ToMessage).ToList();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await notifier.BeforeAppendAsync(db, rows.Select(r => r.ExperimentId).Distinct().ToList(), cancellationToken);
        db.Events.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        var stored = rows.Select(ToMessage).ToList();
        await notifier.AfterAppendAsync(db, stored, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Up to <paramref name="limit"/> stored events of an experiment after a sequence, in order.</summary>
    public async Task<IReadOnlyList<BuildEventMessage>> ReadAfterAsync(long experimentId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.ExperimentId == experimentId && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(ToMessage).ToList();
    }

    private static BuildEventMessage ToMessage(ExperimentEvent e) => new()
    {
        Sequence = e.Sequence,
        ExperimentId = e.ExperimentId,
        IterationId = e.IterationId,
        Type = e.Type,
        At = e.At,
        Status = e.Status,
        Step = e.Step,
        TotalSteps = e.TotalSteps,
        Cached = e.Cached,
        Text = e.Text,
    };
}
