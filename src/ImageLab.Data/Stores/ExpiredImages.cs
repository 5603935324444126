namespace ImageLab.Data.Stores;

/// <summary>An experiment whose images retention removes: its iterations' images by tag, and the stage images their builds left.</summary>
public sealed record ExpiredImages(long ExperimentId, IReadOnlyList<TaggedImage> Images, IReadOnlyList<string> StageImageIds);
