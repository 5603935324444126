namespace ImageLab.Web.Live;

/// <summary>
/// Reads a live stream on a background task and hands what arrived to <c>onBatch</c> at most once per
/// interval, so that a page renders ten times a second however fast lines come (the Aspire pattern).
/// </summary>
public static class EventBatcher
{
    public static async Task RunAsync<T>(
        IAsyncEnumerable<T> source, Func<IReadOnlyList<T>, Task> onBatch, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(onBatch);
        var gate = new object();
        var pending = new List<T>();
        var reader = Task.Run(
            async () =>
            {
                await foreach (var item in source.WithCancellation(cancellationToken))
                {
                    lock (gate)
                    {
                        pending.Add(item);
                    }
                }
            },
            cancellationToken);

        using var timer = new PeriodicTimer(interval);
        try
        {
            while (true)
            {
                var ended = reader.IsCompleted;
                List<T>? batch = null;
                lock (gate)
                {
                    if (pending.Count > 0)
                    {
                        batch = pending;
                        pending = [];
                    }
                }

                if (batch is not null)
                {
                    await onBatch(batch);
                }

                if (ended)
                {
                    break;
                }

                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        // Surfaces a failure of the stream (the caller says so in words and reconnects).
        try
        {
            await reader;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
