namespace ImageLab.Data.Entities;

/// <summary>A key=value label of an experiment (<c>branch=main</c>, <c>commit=abc123</c>), one value per key.</summary>
public sealed class ExperimentLabel
{
    public long ExperimentId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}
