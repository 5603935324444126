using System.Globalization;
using System.Text.RegularExpressions;

namespace ImageLab.Cli.Budgets;

/// <summary>
/// Reads sizes (<c>200MB</c>, <c>1.5 GB</c>, <c>512MiB</c>, <c>1048576</c>; decimal units as <c>docker images</c>
/// shows them, binary ones with <c>i</c>) and percentages (<c>5%</c> or <c>5</c>).
/// </summary>
public static partial class Quantities
{
    public static bool TryParseSize(string? text, out long bytes)
    {
        bytes = 0;
        var match = text is null ? Match.Empty : SizePattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        double? factor = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" => 1e3,
            "M" or "MB" => 1e6,
            "G" or "GB" => 1e9,
            "T" or "TB" => 1e12,
            "KIB" => 1L << 10,
            "MIB" => 1L << 20,
            "GIB" => 1L << 30,
            "TIB" => 1L << 40,
            _ => null,
        };
        if (factor is null || number * factor.Value > long.MaxValue)
        {
            return false;
        }

        bytes = (long)Math.Round(number * factor.Value);
        return true;
    }

    public static bool TryParsePercent(string? text, out double percent)
    {
        percent = 0;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.EndsWith('%'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        return trimmed.Length > 0
            && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out percent)
            && double.IsFinite(percent) && percent >= 0;
    }

    public static long ParseSize(string text, string what) =>
        TryParseSize(text, out var bytes)
            ? bytes
            : throw new CliException($"{what}: '{text}' is not a size; write it like 200MB, 1.5GB or 512MiB.");

    public static double ParsePercent(string text, string what) =>
        TryParsePercent(text, out var percent)
            ? percent
            : throw new CliException($"{what}: '{text}' is not a percentage; write it like 5% or 90.");

    public static string Percent(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    [GeneratedRegex(@"^\s*(?<number>\d+(\.\d+)?)\s*(?<unit>[a-zA-Z]*)\s*$")]
    private static partial Regex SizePattern();
}
