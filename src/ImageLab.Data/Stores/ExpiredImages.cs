namespace ImageLab.Data.Stores;

/// <summary>An experiment whose images retention removes: its iterations' tags, and the stage images their builds left.</summary>
public sealed record ExpiredImages(long ExperimentId, IReadOnlyList<string> ImageTags, IReadOnlyList<string> StageImageIds);
