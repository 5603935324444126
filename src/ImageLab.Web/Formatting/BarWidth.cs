using System.Globalization;

namespace ImageLab.Web.Formatting;

/// <summary>The CSS width of a bar that stands for <c>part</c> of <c>whole</c>: "width:12.34%".</summary>
public static class BarWidth
{
    /// <summary>At least <paramref name="minPercent"/> wide, so that a small share stays visible (its text keeps the true digits).</summary>
    public static string Style(long part, long whole, double minPercent = 0)
    {
        var percent = whole > 0 ? Math.Clamp(part * 100.0 / whole, 0, 100) : 0;
        return "width:" + Math.Max(percent, minPercent).ToString("0.##", CultureInfo.InvariantCulture) + "%";
    }
}
