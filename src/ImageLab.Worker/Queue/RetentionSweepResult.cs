namespace ImageLab.Worker.Queue;

/// <summary>How many experiments one retention sweep cleared: of their build context, of their logs and events, and of their analyses' files.</summary>
public sealed record RetentionSweepResult(int Contexts, int Logs, int Analyses);
