namespace ImageLab.Core.Experiments;

/// <summary>Where one iteration is in the pipeline. The last three are final.</summary>
public enum IterationStatus
{
    Queued,
    Building,
    Measuring,
    Succeeded,
    Failed,
    Canceled,
}
