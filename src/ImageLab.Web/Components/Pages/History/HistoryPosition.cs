using System.Globalization;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.Components.Pages.History;

/// <summary>
/// Where the shown page sits in the history. Keyset paging reads no row before the page, so the pager counts its own
/// steps: from the newest row (after the first page), or from the oldest (after a jump to the last page of a history
/// too long to count, whose position from the top is unknown).
/// </summary>
internal sealed record HistoryPosition(long? FromNewest, long? FromOldest)
{
    /// <summary>The first page: its first row is the newest.</summary>
    public static HistoryPosition Newest { get; } = new(1, null);

    /// <summary>The last page: its last row is the oldest.</summary>
    public static HistoryPosition Oldest { get; } = new(null, 1);

    /// <summary>One page down, from a page of <paramref name="shown"/> rows to one of <paramref name="next"/>.</summary>
    public HistoryPosition Older(int shown, int next) =>
        FromNewest is { } newest ? new(newest + shown, null) : new(null, Math.Max(1, FromOldest!.Value - next));

    /// <summary>One page up, from a page of <paramref name="shown"/> rows to one of <paramref name="next"/>.</summary>
    public HistoryPosition Newer(int shown, int next) =>
        FromNewest is { } newest ? new(Math.Max(1, newest - next), null) : new(null, FromOldest!.Value + shown);

    /// <summary>"21–40 of 25,000+", or "1–20 from the oldest of 10,000+" when only the distance from the oldest is known.</summary>
    public string Describe(Page<ExperimentSummary> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = page.Items.Count;
        if (rows == 0)
        {
            return $"0 of {page.TotalText}";
        }

        if (FromNewest is null && !page.TotalIsLowerBound)
        {
            return new HistoryPosition(page.Total - FromOldest!.Value - rows + 2, null).Describe(page);
        }

        var first = FromNewest ?? FromOldest!.Value;
        var range = string.Create(CultureInfo.InvariantCulture, $"{first:N0}–{first + rows - 1:N0}");
        return FromNewest is null ? $"{range} from the oldest of {page.TotalText}" : $"{range} of {page.TotalText}";
    }
}
