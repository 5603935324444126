using System.Globalization;
using System.Text;
using ImageLab.Core.Experiments;
using ImageLab.Web.Formatting;

namespace ImageLab.Web.ViewModels;

/// <summary>Lays a project's size trend out in a fixed SVG view box: markers by time and size, size ticks and date ticks.</summary>
public sealed class TrendChartModel
{
    public const double Width = 800;
    public const double Height = 240;
    public const double Left = 72;
    public const double Right = 24;
    public const double Top = 16;
    public const double Bottom = 32;

    private TrendChartModel(IReadOnlyList<TrendMarker> markers, IReadOnlyList<AxisTick> sizeTicks, IReadOnlyList<AxisTick> dateTicks)
    {
        Markers = markers;
        SizeTicks = sizeTicks;
        DateTicks = dateTicks;
    }

    public IReadOnlyList<TrendMarker> Markers { get; }

    public IReadOnlyList<AxisTick> SizeTicks { get; }

    public IReadOnlyList<AxisTick> DateTicks { get; }

    public static double PlotBottom => Height - Bottom;

    /// <summary>The SVG path through the markers, oldest first.</summary>
    public string LinePath
    {
        get
        {
            var path = new StringBuilder();
            foreach (var marker in Markers)
            {
                path.Append(path.Length == 0 ? 'M' : 'L')
                    .Append(marker.X.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ')
                    .Append(marker.Y.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ');
            }

            return path.ToString().TrimEnd();
        }
    }

    /// <summary>The area under the line, for a soft fill.</summary>
    public string AreaPath => Markers.Count < 2
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{LinePath} L{Markers[^1].X:0.#} {PlotBottom:0.#} L{Markers[0].X:0.#} {PlotBottom:0.#} Z");

    public static TrendChartModel From(IReadOnlyList<TrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var ordered = points.OrderBy(p => p.CreatedAt).ToList();
        if (ordered.Count == 0)
        {
            return new TrendChartModel([], [], []);
        }

        var max = NiceCeiling(ordered.Max(p => p.SizeBytes));
        var first = ordered[0].CreatedAt;
        var span = (ordered[^1].CreatedAt - first).TotalSeconds;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;

        double X(DateTimeOffset at) => span <= 0 ? Left + (plotWidth / 2) : Left + ((at - first).TotalSeconds / span * plotWidth);
        double Y(long bytes) => Top + plotHeight - (max > 0 ? bytes / (double)max * plotHeight : 0);

        var markers = ordered.Select(p => new TrendMarker(
                X(p.CreatedAt),
                Y(p.SizeBytes),
                p,
                $"{p.ExperimentName} · {p.IterationName}: {ByteSize.Format(p.SizeBytes)} ({ByteSize.Exact(p.SizeBytes)}) · {TimeFormat.Absolute(p.CreatedAt)}"))
            .ToList();
        var sizeTicks = Enumerable.Range(0, 5).Select(i => new AxisTick(Y(max * i / 4), ByteSize.Format(max * i / 4))).ToList();
        var dateTicks = new List<AxisTick> { new(X(first), first.UtcDateTime.ToString("d MMM", CultureInfo.InvariantCulture)) };
        if (span > 0)
        {
            dateTicks.Add(new AxisTick(X(ordered[^1].CreatedAt), ordered[^1].CreatedAt.UtcDateTime.ToString("d MMM", CultureInfo.InvariantCulture)));
        }

        return new TrendChartModel(markers, sizeTicks, dateTicks);
    }

    // 1, 2, 2.5 or 5 times a power of ten, at or above the value, so that tick labels stay round.
    private static long NiceCeiling(long value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return (long)(step * magnitude);
            }
        }

        return (long)(10 * magnitude);
    }
}
