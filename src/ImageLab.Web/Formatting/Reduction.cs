namespace ImageLab.Web.Formatting;

/// <summary>How an image compares with its baseline, in the words the lesson uses: "1.17 GB → 329 MB (72% smaller)".</summary>
public static class Reduction
{
    /// <summary>"72% smaller", "5% larger", "same size"; null when a size is unknown.</summary>
    public static string? Percent(long? baselineBytes, long? sizeBytes) => Percentage.Reduction(baselineBytes, sizeBytes);

    /// <summary>"1.17 GB → 329 MB (72% smaller)"; for the baseline itself, its size and "baseline".</summary>
    public static string Describe(long? baselineBytes, long? sizeBytes, bool isBaseline = false)
    {
        if (isBaseline)
        {
            return ByteSize.Format(sizeBytes) + " (baseline)";
        }

        var percent = Percent(baselineBytes, sizeBytes);
        return percent is null
            ? ByteSize.Format(sizeBytes)
            : $"{ByteSize.Format(baselineBytes)} → {ByteSize.Format(sizeBytes)} ({percent})";
    }

    /// <summary>"saves 841 MB" or "adds 12 MB"; null when a size is unknown.</summary>
    public static string? Saving(long? baselineBytes, long? sizeBytes) =>
        baselineBytes is { } b && sizeBytes is { } s
            ? s <= b ? "saves " + ByteSize.Format(b - s) : "adds " + ByteSize.Format(s - b)
            : null;
}
