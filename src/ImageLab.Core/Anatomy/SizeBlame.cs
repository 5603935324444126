namespace ImageLab.Core.Anatomy;

/// <summary>
/// Explains the difference in bytes between two images by package (added, removed, grown, shrunk), by kind and by
/// Dockerfile step, each list largest change first. <see cref="TopCauses"/> are the steps, each with the folder or
/// package that explains it: they do not overlap, so they add up to the difference.
/// </summary>
public sealed record SizeBlame(
    long BeforeBytes,
    long AfterBytes,
    IReadOnlyList<SizeCause> ByPackage,
    IReadOnlyList<SizeCause> ByKind,
    IReadOnlyList<SizeCause> ByLine)
{
    public long DeltaBytes => AfterBytes - BeforeBytes;

    public IReadOnlyList<SizeCause> TopCauses(int count = 5) => [.. ByLine.Take(count)];
}
