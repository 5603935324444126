using System.Globalization;

namespace ImageLab.Core.Reports;

/// <summary>Byte counts for people, in the decimal units <c>docker images</c> uses (1 MB = 1,000,000 bytes).</summary>
public static class ByteUnits
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB"];

    public static string Format(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        var format = unit == 0 ? "0" : Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.0" : "0.00";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
