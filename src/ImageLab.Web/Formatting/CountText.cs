using System.Globalization;

namespace ImageLab.Web.Formatting;

/// <summary>Counts with their noun: "1 file", "1,234 files".</summary>
public static class CountText
{
    public static string Files(int count) => Of(count, "file", "files");

    public static string Packages(int count) => Of(count, "package", "packages");

    private static string Of(int count, string one, string many) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
