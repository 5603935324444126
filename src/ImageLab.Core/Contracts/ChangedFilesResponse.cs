using ImageLab.Core.Layers;

namespace ImageLab.Core.Contracts;

/// <summary>Files both images have with different contents: how many, the change in bytes, and the first of them (as many as the request's limit).</summary>
public sealed record ChangedFilesResponse(int Count, long DeltaBytes, IReadOnlyList<FileDifference> Files);
