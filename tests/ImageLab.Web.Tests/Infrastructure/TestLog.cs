using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>
/// The in-process app's log, kept in memory instead of on the console: tests that provoke failures on purpose (a
/// missing engine, a refused upload) would otherwise fill a green run's output with <c>fail:</c> lines. The newest
/// entries stay readable for a test that wants them (<see cref="Entries"/>).
/// </summary>
public sealed class TestLog : ILoggerProvider
{
    private const int Capacity = 2000;
    private readonly ConcurrentQueue<string> _entries = new();

    /// <summary>"Error ImageLab.Web.Hosting.ProblemExceptionHandler: message", newest last, at most 2,000.</summary>
    public IReadOnlyCollection<string> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(TestLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var text = formatter(state, exception);
            log.Add(exception is null ? $"{logLevel} {category}: {text}" : $"{logLevel} {category}: {text}\n{exception}");
        }
    }
}
