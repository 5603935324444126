namespace ImageLab.Core.Experiments;

/// <summary>
/// One rule for paged lists: which page numbers and sizes are accepted, and how many rows a page skips without
/// overflowing (<c>page=2147483647</c> is simply past the end, an empty page).
/// </summary>
public static class Paging
{
    /// <summary>The sentence that explains why the paging parameters are refused, or <see langword="null"/> when they are fine.</summary>
    public static string? Check(int? page, int? pageSize, int maxPageSize) =>
        page is < 1 || pageSize is < 1 || pageSize > maxPageSize
            ? $"page starts at 1 and pageSize is between 1 and {maxPageSize}."
            : null;

    /// <summary>The rows before page <paramref name="pageNumber"/> (from 1), capped at <see cref="int.MaxValue"/>.</summary>
    public static int Skip(int pageNumber, int pageSize) =>
        (int)Math.Min(int.MaxValue, (Math.Max(1L, pageNumber) - 1) * Math.Max(0, pageSize));
}
