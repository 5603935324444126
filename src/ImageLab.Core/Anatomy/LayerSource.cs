namespace ImageLab.Core.Anatomy;

/// <summary>
/// What made a layer, for size blame: <see cref="Key"/> matches the same step across two images (the instruction
/// text, whitespace collapsed; one key for all the base image's layers), <see cref="Label"/> says it to a person
/// ("line 14 `COPY . .`", "base image"), <see cref="Code"/> is the instruction alone as the label shows it ("COPY . .").
/// </summary>
public sealed record LayerSource(string Key, string Label, string? Code = null)
{
    /// <summary>The key every base image layer shares: the base image is one cause, whichever of its layers changed.</summary>
    public const string BaseImageKey = "base image";

    /// <summary>The instruction's keyword ("RUN", "COPY"...), the first word of <see cref="Key"/>; null for the base image.</summary>
    public string? Keyword => Key == BaseImageKey ? null : Key.Split(' ', 2)[0];
}
