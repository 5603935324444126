namespace ImageLab.Core.Anatomy;

/// <summary>The folder (or package) inside a step that explains most of its change, and by how many bytes.</summary>
public sealed record SizeDetail(string Subject, long DeltaBytes);
