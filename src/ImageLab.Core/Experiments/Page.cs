using System.Globalization;

namespace ImageLab.Core.Experiments;

/// <summary>
/// One page of a longer list, with the total so that pagers can count. Lists too long to count cheaply stop counting
/// (<see cref="TotalIsLowerBound"/>) and link their neighbours by keyset tokens (<see cref="Older"/>, <see cref="Newer"/>).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total)
{
    /// <summary>True when counting stopped at <see cref="Total"/>: there are at least that many rows (shown as "10,000+").</summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>The token of the next page down the list (older rows); null on the last page or when the list has no tokens.</summary>
    public string? Older { get; init; }

    /// <summary>The token of the page before (newer rows); null on the first page or when the list has no tokens.</summary>
    public string? Newer { get; init; }

    /// <summary>The total as a user reads it: <c>12,345</c>, or <c>10,000+</c> when counting stopped there.</summary>
    public string TotalText => Total.ToString("N0", CultureInfo.InvariantCulture) + (TotalIsLowerBound ? "+" : "");
}
