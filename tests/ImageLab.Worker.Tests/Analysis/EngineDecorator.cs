using ImageLab.Docker.Engine;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>The real engine, passed through; a test overrides the one call it watches or changes (our own seam, not a fake engine).</summary>
internal abstract class EngineDecorator(IDockerEngine inner) : IDockerEngine
{
    protected IDockerEngine Inner => inner;

    public string Endpoint => inner.Endpoint;

    public Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken) => inner.GetInfoAsync(cancellationToken);

    public Task<EngineInfo> DescribeAsync(CancellationToken cancellationToken) => inner.DescribeAsync(cancellationToken);

    public virtual Task<BuildResult> BuildAsync(BuildRequest request, Stream context, IProgress<BuildEvent>? progress, CancellationToken cancellationToken) =>
        inner.BuildAsync(request, context, progress, cancellationToken);

    public Task<ImageDetails?> InspectImageAsync(string image, CancellationToken cancellationToken) => inner.InspectImageAsync(image, cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string image, CancellationToken cancellationToken) => inner.GetHistoryAsync(image, cancellationToken);

    public virtual Task<Stream> SaveImageAsync(string image, CancellationToken cancellationToken) => inner.SaveImageAsync(image, cancellationToken);

    public Task TagImageAsync(string image, string repositoryAndTag, CancellationToken cancellationToken) => inner.TagImageAsync(image, repositoryAndTag, cancellationToken);

    public virtual Task<bool> RemoveImageAsync(string image, CancellationToken cancellationToken) => inner.RemoveImageAsync(image, cancellationToken);

    public virtual Task<bool> RemoveTagAsync(string repositoryAndTag, string imageId, CancellationToken cancellationToken) =>
        inner.RemoveTagAsync(repositoryAndTag, imageId, cancellationToken);

    public virtual Task<bool> RemoveUntaggedImageAsync(string image, CancellationToken cancellationToken) => inner.RemoveUntaggedImageAsync(image, cancellationToken);

    public Task<ContainerRunResult> RunContainerAsync(ContainerRunRequest request, CancellationToken cancellationToken) => inner.RunContainerAsync(request, cancellationToken);

    public Task<IReadOnlyList<ImageSummary>> ListImagesAsync(string labelFilter, CancellationToken cancellationToken) => inner.ListImagesAsync(labelFilter, cancellationToken);

    public Task<EngineDiskUsage> GetDiskUsageAsync(CancellationToken cancellationToken) => inner.GetDiskUsageAsync(cancellationToken);

    public Task<long> PruneBuildCacheAsync(TimeSpan unusedFor, CancellationToken cancellationToken) => inner.PruneBuildCacheAsync(unusedFor, cancellationToken);
}
