using ImageLab.Core.IO;

namespace ImageLab.Core.Tests.IO;

public sealed class WriteRetryTests
{
    [Fact]
    public async Task RunAsync_FailsTwiceThenSucceeds_ReportsEachFailureAndReturnsTheResult()
    {
        // Arrange
        var retry = new WriteRetry(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2), Timeout.InfiniteTimeSpan);
        var attempts = 0;
        var failures = new List<string>();

        // Act
        var result = await retry.RunAsync(
            () => ++attempts < 3 ? throw new InvalidOperationException($"down {attempts}") : Task.FromResult(attempts),
            TimeProvider.System,
            e => failures.Add(e.Message),
            CancellationToken.None);

        // Assert
        Assert.Equal(3, result);
        Assert.Equal(["down 1", "down 2"], failures);
    }

    [Fact]
    public async Task RunAsync_TimeToGiveUpHasCome_ThrowsTheFailure()
    {
        // Arrange
        var retry = new WriteRetry(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.Zero);
        var failures = 0;

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => retry.RunAsync(
            () => throw new InvalidOperationException("still down"), TimeProvider.System, _ => failures++, CancellationToken.None));

        // Assert
        Assert.Equal("still down", error.Message);
        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_StopsWaiting()
    {
        // Arrange
        var retry = new WriteRetry(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        using var cancel = new CancellationTokenSource();

        // Act
        var running = retry.RunAsync(() => throw new InvalidOperationException("down"), TimeProvider.System, _ => cancel.Cancel(), cancel.Token);

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }
}
