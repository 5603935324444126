namespace ImageLab.Worker.Queue;

/// <summary>How many experiments one retention sweep cleared: of their build context, and of their logs and events.</summary>
public sealed record RetentionSweepResult(int Contexts, int Logs);
