namespace ImageLab.Core.Anatomy;

/// <summary>
/// What made a layer, for size blame: <see cref="Key"/> matches the same step across two images (the instruction
/// text, whitespace collapsed; the base image's name for its layers), <see cref="Label"/> says it to a person
/// ("line 14 `COPY . .`").
/// </summary>
public sealed record LayerSource(string Key, string Label);
