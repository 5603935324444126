namespace ImageLab.Data.Entities;

/// <summary>One <c>docker history</c> entry of an iteration's image; index 0 is the bottom layer.</summary>
public sealed class Layer
{
    public long IterationId { get; set; }

    public int Index { get; set; }

    public required string HistoryId { get; set; }

    public required string CreatedBy { get; set; }

    public long SizeBytes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Comment { get; set; } = "";

    public bool EmptyLayer { get; set; }

    public bool FromBaseImage { get; set; }

    /// <summary>The Dockerfile instruction that made the layer (e.g. <c>RUN</c>), where it could be matched.</summary>
    public string? Instruction { get; set; }

    public int? Line { get; set; }
}
