namespace ImageLab.Docker.Engine;

/// <summary>
/// Everything ImageLab asks of one Docker engine. Implementations return ImageLab's own records,
/// never Docker.DotNet's, so that no other project depends on the client library.
/// </summary>
public interface IDockerEngine
{
    /// <summary>The endpoint this engine was reached at (for display and labels).</summary>
    string Endpoint { get; }

    /// <summary>Engine version, API version in use, OS, architecture and storage driver, asked of the engine now.</summary>
    Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The same as <see cref="GetInfoAsync"/>, asked once per connection: a running engine's version, driver and image
    /// store do not change, and <c>GET /info</c> counts every container and image (0.1–0.4 s on a busy engine).
    /// </summary>
    Task<EngineInfo> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Builds an image from a tar stream of the build context. Progress events are reported as they
    /// arrive; a build that fails returns a result with the engine's own message, it does not throw.
    /// Throws <see cref="DockerEngineUnavailableException"/> when the engine cannot be reached, and
    /// <see cref="OperationCanceledException"/> when cancelled (the engine's build is stopped).
    /// </summary>
    Task<BuildResult> BuildAsync(
        BuildRequest request,
        Stream context,
        IProgress<BuildEvent>? progress,
        CancellationToken cancellationToken);

    /// <summary><c>docker image inspect</c>; null when the image does not exist.</summary>
    Task<ImageDetails?> InspectImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>
    /// <c>docker history --no-trunc</c>, newest entry first, as the engine returns it; throws
    /// <see cref="ImageNotFoundException"/> when the image does not exist (as do save and tag).
    /// </summary>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string image, CancellationToken cancellationToken);

    /// <summary><c>docker save</c> as a stream read straight from the engine; the caller disposes it.</summary>
    Task<Stream> SaveImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Adds a tag (<c>repository:tag</c>) to an image.</summary>
    Task TagImageAsync(string image, string repositoryAndTag, CancellationToken cancellationToken);

    /// <summary>Removes an image (forcing untag); returns false when it did not exist.</summary>
    Task<bool> RemoveImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a tag only while it still names <paramref name="imageId"/>: another ImageLab on the same engine may have
    /// given the same name to its own image since. The image goes with its last tag unless a container or another image
    /// uses it. False when the tag names another image, is gone, or is in use. Never forces.
    /// </summary>
    Task<bool> RemoveTagAsync(string repositoryAndTag, string imageId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes an image only if no tag names it and no other image is built on it (with its own untagged parents,
    /// as <c>docker rmi</c> does); returns false when it is tagged, in use, or gone already. Never forces.
    /// </summary>
    Task<bool> RemoveUntaggedImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Images carrying a label (<c>key</c> or <c>key=value</c>).</summary>
    Task<IReadOnlyList<ImageSummary>> ListImagesAsync(string labelFilter, CancellationToken cancellationToken);

    /// <summary><c>GET /system/df</c>: how much of the engine's disk ImageLab's images and the build cache take.</summary>
    Task<EngineDiskUsage> GetDiskUsageAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /build/prune</c> of BuildKit cache records unused for at least <paramref name="unusedFor"/>;
    /// returns the bytes reclaimed. The engine labels no cache record, so this prunes the engine's build cache
    /// by age, not ImageLab's alone; BuildKit never removes cache that a running build uses.
    /// </summary>
    Task<long> PruneBuildCacheAsync(TimeSpan unusedFor, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a command once in a new container of an image, bounded as the request says (network, memory, processes,
    /// time, output), and removes the container whatever happens. A command that fails, times out or cannot start
    /// returns a result that says so; throws <see cref="ImageNotFoundException"/> when the image does not exist,
    /// <see cref="DockerEngineUnavailableException"/> when the engine cannot be reached, and
    /// <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    Task<ContainerRunResult> RunContainerAsync(ContainerRunRequest request, CancellationToken cancellationToken);
}
