using System.Collections.Concurrent;

namespace ImageLab.Data.Coordination;

/// <summary>
/// The engine's lock within this process, for the embedded store (one process builds and removes): a reader-writer
/// lock per engine where a waiting removal holds back new builds, as PostgreSQL's queue does.
/// </summary>
internal sealed class InProcessEngineImageLock : IEngineImageLock
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable> EnterBuildAsync(string engineId, CancellationToken cancellationToken) =>
        GateOf(engineId).EnterAsync(exclusive: false, cancellationToken);

    public Task<IAsyncDisposable?> TryEnterRemovalAsync(string engineId, CancellationToken cancellationToken) =>
        Task.FromResult(GateOf(engineId).TryEnterExclusive());

    public Task<IAsyncDisposable> EnterRemovalAsync(string engineId, CancellationToken cancellationToken) =>
        GateOf(engineId).EnterAsync(exclusive: true, cancellationToken);

    private Gate GateOf(string engineId) => _gates.GetOrAdd(engineId, _ => new Gate());

    private sealed class Gate
    {
        private readonly Lock _sync = new();
        private int _builds;
        private bool _removing;
        private int _removalsWaiting;
        private TaskCompletionSource _changed = NewSignal();

        public async Task<IAsyncDisposable> EnterAsync(bool exclusive, CancellationToken cancellationToken)
        {
            var waiting = false;
            try
            {
                while (true)
                {
                    Task changed;
                    lock (_sync)
                    {
                        if (exclusive ? TryTakeExclusive() : TryTakeShared())
                        {
                            return new Release(this, exclusive);
                        }

                        if (exclusive && !waiting)
                        {
                            waiting = true;
                            _removalsWaiting++;
                        }

                        changed = _changed.Task;
                    }

                    await changed.WaitAsync(cancellationToken);
                }
            }
            finally
            {
                if (waiting)
                {
                    lock (_sync)
                    {
                        _removalsWaiting--;
                    }

                    Signal();
                }
            }
        }

        public IAsyncDisposable? TryEnterExclusive()
        {
            lock (_sync)
            {
                return TryTakeExclusive() ? new Release(this, exclusive: true) : null;
            }
        }

        private bool TryTakeExclusive()
        {
            if (_removing || _builds > 0)
            {
                return false;
            }

            _removing = true;
            return true;
        }

        private bool TryTakeShared()
        {
            if (_removing || _removalsWaiting > 0)
            {
                return false;
            }

            _builds++;
            return true;
        }

        private void Leave(bool exclusive)
        {
            lock (_sync)
            {
                if (exclusive)
                {
                    _removing = false;
                }
                else
                {
                    _builds--;
                }
            }

            Signal();
        }

        private void Signal()
        {
            TaskCompletionSource changed;
            lock (_sync)
            {
                changed = _changed;
                _changed = NewSignal();
            }

            changed.SetResult();
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

        private sealed class Release(Gate gate, bool exclusive) : IAsyncDisposable
        {
            private int _released;

            public ValueTask DisposeAsync()
            {
                if (Interlocked.Exchange(ref _released, 1) == 0)
                {
                    gate.Leave(exclusive);
                }

                return ValueTask.CompletedTask;
            }
        }
    }
}
