namespace ImageLab.Data.Coordination;

/// <summary>
/// Keeps the classic builds on one engine and the removal of images from it apart, across every ImageLab process on one
/// store: Docker's classic builder lists the images that could hold a cached step and then reads each, and fails the
/// build when one was removed in between. Builds share the lock; a removal holds it alone. The engine is named by its
/// own identity, so two workers reaching it at different endpoints meet.
/// </summary>
public interface IEngineImageLock
{
    /// <summary>Held while a classic build runs; any number at once. Waits only while images are being removed.</summary>
    Task<IAsyncDisposable> EnterBuildAsync(string engineId, CancellationToken cancellationToken);

    /// <summary>Held while images are removed, alone; null at once when a build holds the engine.</summary>
    Task<IAsyncDisposable?> TryEnterRemovalAsync(string engineId, CancellationToken cancellationToken);

    /// <summary>
    /// Held while images are removed, alone; waits for the running builds to end, and builds that ask meanwhile wait
    /// behind it.
    /// </summary>
    Task<IAsyncDisposable> EnterRemovalAsync(string engineId, CancellationToken cancellationToken);
}
