namespace ImageLab.Core.Reports;

/// <summary>A layer named by the Dockerfile instruction that made it (or its <c>created by</c> when unmatched).</summary>
public sealed record ReportLayer(int Index, string Instruction, int? Line, long SizeBytes);
