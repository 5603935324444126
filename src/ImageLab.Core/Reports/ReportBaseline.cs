namespace ImageLab.Core.Reports;

/// <summary>The experiment a report compares against, and why it was chosen (e.g. <c>branch=main</c>).</summary>
public sealed record ReportBaseline(long ExperimentId, string Name, DateTimeOffset CreatedAt, string? Reason = null);
