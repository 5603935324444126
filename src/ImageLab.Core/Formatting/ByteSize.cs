using System.Globalization;

namespace ImageLab.Core.Formatting;

/// <summary>
/// The one byte formatter: decimal units with three significant digits, as <c>docker images</c> prints them
/// (1 kB = 1,000 bytes: 1.17 GB, 329 MB, 44.1 MB, 683 kB), and the exact count for titles and messages.
/// </summary>
public static class ByteSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    /// <summary>"1.17 GB", "329 MB", "999 B", "-780 MB".</summary>
    public static string Format(long bytes)
    {
        var sign = bytes < 0 ? "-" : "";
        var size = Math.Abs((double)bytes);
        var unit = 0;
        while (size >= 999.5 && unit < Units.Length - 1)
        {
            size /= 1000;
            unit++;
        }

        var format = unit == 0 || size >= 99.95 ? "0" : size >= 9.995 ? "0.#" : "0.##";
        return sign + size.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>A change that says its direction: "+32 MB", "−16 MB" (a minus sign, not a hyphen), "0 B".</summary>
    public static string Change(long bytes) => bytes switch
    {
        > 0 => "+" + Format(bytes),
        < 0 => "−" + Format(-bytes),
        _ => Format(0),
    };

    /// <summary>As <see cref="Format(long)"/>; a dash when the size is not known.</summary>
    public static string Format(long? bytes) => bytes is { } value ? Format(value) : "–";

    /// <summary>"1,171,234,567 bytes"; "not measured" when the size is not known.</summary>
    public static string Exact(long? bytes) =>
        bytes is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) + (Math.Abs(value) == 1 ? " byte" : " bytes") : "not measured";
}
