namespace ImageLab.Data.Stores;

/// <summary>An iteration's image: the tag ImageLab gave it and the id the engine reported for it.</summary>
public sealed record TaggedImage(string Tag, string ImageId);
