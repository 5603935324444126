using System.Globalization;

namespace ImageLab.Web.ViewModels;

/// <summary>
/// The one size formatter of the dashboard: decimal units with three significant digits, as
/// <c>docker images</c> prints them (1.17 GB, 329 MB, 44.1 MB), and the exact byte count for titles.
/// </summary>
public static class ByteSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB"];

    public static string Format(long? bytes)
    {
        if (bytes is not { } value)
        {
            return "–";
        }

        var sign = value < 0 ? "-" : "";
        double size = Math.Abs(value);
        var unit = 0;
        while (size >= 999.5 && unit < Units.Length - 1)
        {
            size /= 1000;
            unit++;
        }

        if (unit == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{size:0} B");
        }

        var format = size >= 99.95 ? "0" : size >= 9.995 ? "0.#" : "0.##";
        return sign + size.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>"1,171,234,567 bytes".</summary>
    public static string Exact(long? bytes) =>
        bytes is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) + (Math.Abs(value) == 1 ? " byte" : " bytes") : "not measured";
}
