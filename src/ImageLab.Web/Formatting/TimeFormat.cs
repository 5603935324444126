using System.Globalization;

namespace ImageLab.Web.Formatting;

/// <summary>Relative ("3 minutes ago"), absolute ("2025-11-29 14:44:05 UTC") and duration ("1 min 12 s") texts.</summary>
public static class TimeFormat
{
    public static string Absolute(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var ago = now - at;
        if (ago < TimeSpan.Zero)
        {
            return "just now";
        }

        return ago.TotalSeconds switch
        {
            < 45 => "just now",
            < 90 => "a minute ago",
            < 3600 => Plural((int)Math.Round(ago.TotalMinutes), "minute") + " ago",
            < 5400 => "an hour ago",
            < 86400 => Plural((int)Math.Round(ago.TotalHours), "hour") + " ago",
            < 172800 => "yesterday",
            < 30 * 86400 => Plural((int)Math.Round(ago.TotalDays), "day") + " ago",
            _ => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration.TotalSeconds < 10)
        {
            return duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        }

        if (duration.TotalMinutes < 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds} s");
        }

        return duration.TotalHours < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} min {duration.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h {duration.Minutes} min");
    }

    public static string Duration(double? seconds) => seconds is { } s ? Duration(TimeSpan.FromSeconds(s)) : "–";

    private static string Plural(int count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");
}
