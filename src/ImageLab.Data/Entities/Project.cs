namespace ImageLab.Data.Entities;

/// <summary>A service whose image a team tracks over time.</summary>
public sealed class Project
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Experiment> Experiments { get; set; } = [];
}
