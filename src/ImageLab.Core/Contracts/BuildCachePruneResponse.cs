namespace ImageLab.Core.Contracts;

/// <summary>The answer of <c>POST /api/engine/prune-build-cache</c>: the bytes the engine reclaimed.</summary>
public sealed record BuildCachePruneResponse(long ReclaimedBytes);
