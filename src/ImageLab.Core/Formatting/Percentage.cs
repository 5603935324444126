using System.Globalization;

namespace ImageLab.Core.Formatting;

/// <summary>
/// The one percentage formatter. Whole percents from 10 up, one decimal below, and as many more digits as it takes
/// to stay true: a reduction from 655 MB to 683 kB is "99.9% smaller", never "100%", and 0.04% is never "0%".
/// </summary>
public static class Percentage
{
    private const int MaxDecimals = 12;

    /// <summary>"72%", "1.7%", "99.9%", "0.04%", "-5%": <paramref name="percent"/> rounded to the digits that keep it true.</summary>
    public static string Format(double percent)
    {
        var magnitude = Math.Abs(percent);
        var decimals = magnitude >= 10 ? 0 : 1;
        var rounded = Math.Round(magnitude, decimals, MidpointRounding.AwayFromZero);
        while ((rounded is 0 or 100) && rounded != magnitude && decimals < MaxDecimals)
        {
            decimals++;
            rounded = Math.Round(magnitude, decimals, MidpointRounding.AwayFromZero);
        }

        var digits = rounded.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
        return (percent < 0 && rounded != 0 ? "-" : "") + digits + "%";
    }

    /// <summary>"12%", "0.04%": <paramref name="part"/>'s share of <paramref name="whole"/>; a dash when the whole is zero.</summary>
    public static string Share(long part, long whole) => whole > 0 ? Format(part * 100.0 / whole) : "–";

    /// <summary>"+10%", "-72%", "0%": the signed change from <paramref name="fromBytes"/> to <paramref name="toBytes"/>; null when a size is unknown.</summary>
    public static string? Change(long? fromBytes, long? toBytes)
    {
        if (ChangePercent(fromBytes, toBytes) is not { } percent)
        {
            return null;
        }

        var text = Format(percent);
        return percent > 0 ? "+" + text : text;
    }

    /// <summary>"72% smaller", "5% larger", "same size"; null when a size is unknown.</summary>
    public static string? Reduction(long? baselineBytes, long? sizeBytes) => ChangePercent(baselineBytes, sizeBytes) switch
    {
        null => null,
        0 => "same size",
        < 0 and var percent => Format(-percent) + " smaller",
        var percent => Format(percent.Value) + " larger",
    };

    /// <summary>The exact change in percent (positive = bigger); null when a size is unknown or the first is not positive.</summary>
    public static double? ChangePercent(long? fromBytes, long? toBytes) =>
        fromBytes is > 0 and var from && toBytes is { } to ? (to - (double)from) * 100 / from : null;
}
