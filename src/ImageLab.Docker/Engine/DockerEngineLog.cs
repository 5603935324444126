using Microsoft.Extensions.Logging;

namespace ImageLab.Docker.Engine;

internal static partial class DockerEngineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connected to Docker engine {EngineVersion} at {Endpoint}, speaking API {ApiVersion} ({Os}/{Architecture})")]
    public static partial void Connected(ILogger logger, string endpoint, string engineVersion, Version apiVersion, string os, string architecture);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "No Docker engine answers at {Endpoint} ({Reason}); ImageLab keeps trying. Start one there, or set Docker:Endpoint (or DOCKER_HOST) to the engine's address.")]
    public static partial void Unreachable(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Building {Dockerfile} with {Builder} as build {BuildId}")]
    public static partial void BuildStarted(ILogger logger, string dockerfile, ImageLab.Core.Builds.BuilderKind builder, string buildId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Build {BuildId} succeeded in {Duration}: image {ImageId}, {TotalSteps} steps, {CachedSteps} cached")]
    public static partial void BuildSucceeded(ILogger logger, string buildId, TimeSpan duration, string imageId, int totalSteps, int cachedSteps);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Build {BuildId} failed in {Duration}: {Reason}")]
    public static partial void BuildFailed(ILogger logger, string buildId, TimeSpan duration, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Build {BuildId} was cancelled; the engine's build was stopped")]
    public static partial void BuildCancelled(ILogger logger, string buildId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Asking the engine to cancel build {BuildId} failed: {Reason}")]
    public static partial void BuildCancelRequestFailed(ILogger logger, string buildId, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Removed image {Image}")]
    public static partial void ImageRemoved(ILogger logger, string image);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Pruned the build cache of the engine at {Endpoint}: {Bytes} bytes reclaimed")]
    public static partial void BuildCachePruned(ILogger logger, string endpoint, long bytes);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Docker engine at {Endpoint} is refused: {Reason}")]
    public static partial void Unsupported(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Removed container {Container}")]
    public static partial void ContainerRemoved(ILogger logger, string container);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Container {Container} could not be removed: {Reason}; it carries imagelab.* labels to find it")]
    public static partial void ContainerNotRemoved(ILogger logger, string container, string reason);
}
