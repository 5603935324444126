namespace ImageLab.Core.Experiments;

/// <summary>Where a suggestion's transformation stands in the proof by building.</summary>
public enum TransformationStatus
{
    /// <summary>Not built alone yet.</summary>
    Pending,

    /// <summary>Built alone on top of the source; <see cref="TransformationDetails.SavedBytes"/> holds what that build saved.</summary>
    Measured,

    /// <summary>Its build failed; it was left out of the suggestion, with the engine's reason.</summary>
    Dropped,
}
