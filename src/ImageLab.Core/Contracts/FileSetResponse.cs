using ImageLab.Core.Layers;

namespace ImageLab.Core.Contracts;

/// <summary>Files only one image has: how many, their bytes, and the first of them (as many as the request's limit).</summary>
public sealed record FileSetResponse(int Count, long Bytes, IReadOnlyList<FileDifference> Files);
