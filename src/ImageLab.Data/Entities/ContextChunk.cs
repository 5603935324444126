namespace ImageLab.Data.Entities;

/// <summary>
/// A piece of an experiment's build context (a tar), stored in order so that any worker can stream it back
/// to an engine without the whole context ever being in memory.
/// </summary>
public sealed class ContextChunk
{
    public long ExperimentId { get; set; }

    public int Index { get; set; }

    public required byte[] Data { get; set; }
}
