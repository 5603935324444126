using System.Globalization;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.ViewModels;

/// <summary>How an image compares with its baseline, in the words the lesson uses: "1.17 GB → 329 MB (72% smaller)".</summary>
public static class Reduction
{
    /// <summary>"72% smaller", "5% larger", "same size"; null when a size is unknown.</summary>
    public static string? Percent(long? baselineBytes, long? sizeBytes)
    {
        if (StatusRules.ReductionPercent(baselineBytes, sizeBytes) is not { } percent)
        {
            return null;
        }

        var rounded = Math.Abs(percent) >= 10 ? Math.Round(Math.Abs(percent)) : Math.Round(Math.Abs(percent), 1);
        if (rounded == 0)
        {
            return "same size";
        }

        return rounded.ToString("0.#", CultureInfo.InvariantCulture) + (percent > 0 ? "% smaller" : "% larger");
    }

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
