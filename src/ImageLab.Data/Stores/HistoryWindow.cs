using ImageLab.Core.Experiments;
using ImageLab.Data.Entities;

namespace ImageLab.Data.Stores;

/// <summary>
/// Which rows of the history (newest first) one page reads. Keyset positions read from an index position onwards, so
/// every page costs what the first does; a page number skips (OFFSET), which is kept for the API's first pages. Each
/// window reads one row more than the page, to know whether the list goes on in its direction.
/// </summary>
internal sealed class HistoryWindow
{
    private readonly Kind _kind;
    private readonly ExperimentCursor? _cursor;
    private readonly int _pageNumber;
    private readonly int _pageSize;

    private HistoryWindow(Kind kind, ExperimentCursor? cursor, int pageNumber, int pageSize)
    {
        _kind = kind;
        _cursor = cursor;
        _pageNumber = pageNumber;
        _pageSize = pageSize;
    }

    private enum Kind
    {
        Numbered,
        OlderThan,
        NewerThan,
        Oldest,
    }

    private bool ReadsUpwards => _kind is Kind.NewerThan or Kind.Oldest;

    public static HistoryWindow Of(ExperimentFilter filter, int pageNumber, int pageSize) => filter switch
    {
        { OlderThan: { } older } => new(Kind.OlderThan, older, pageNumber, pageSize),
        { NewerThan: { } newer } => new(Kind.NewerThan, newer, pageNumber, pageSize),
        { Oldest: true } => new(Kind.Oldest, null, pageNumber, pageSize),
        _ => new(Kind.Numbered, null, pageNumber, pageSize),
    };

    public IQueryable<Experiment> Apply(IQueryable<Experiment> matching)
    {
        var rows = _kind switch
        {
            Kind.OlderThan => Newest(OlderThan(matching, _cursor!)),
            Kind.NewerThan => OldestFirst(NewerThan(matching, _cursor!)),
            Kind.Oldest => OldestFirst(matching),
            _ => Newest(matching).Skip(Paging.Skip(_pageNumber, _pageSize)),
        };
        return rows.Take(_pageSize + 1);
    }

    /// <summary>The page's rows newest first, without the extra row.</summary>
    public List<ExperimentSummary> InOrder(List<ExperimentSummary> read)
    {
        var page = read.Take(_pageSize).ToList();
        if (ReadsUpwards)
        {
            page.Reverse();
        }

        return page;
    }

    public bool HasOlder(int read) => _kind switch
    {
        Kind.NewerThan => true,
        Kind.Oldest => false,
        _ => read > _pageSize,
    };

    public bool HasNewer(int read) => _kind switch
    {
        Kind.OlderThan => true,
        Kind.Numbered => _pageNumber > 1,
        _ => read > _pageSize,
    };

    private static IOrderedQueryable<Experiment> Newest(IQueryable<Experiment> rows) =>
        rows.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id);

    private static IOrderedQueryable<Experiment> OldestFirst(IQueryable<Experiment> rows) =>
        rows.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id);

    // The first condition alone is an index range on created_at; the second only breaks ties within one instant.
    private static IQueryable<Experiment> OlderThan(IQueryable<Experiment> rows, ExperimentCursor cursor)
    {
        var (at, id) = (cursor.CreatedAt, cursor.Id);
        return rows.Where(e => e.CreatedAt <= at && (e.CreatedAt < at || e.Id < id));
    }

    private static IQueryable<Experiment> NewerThan(IQueryable<Experiment> rows, ExperimentCursor cursor)
    {
        var (at, id) = (cursor.CreatedAt, cursor.Id);
        return rows.Where(e => e.CreatedAt >= at && (e.CreatedAt > at || e.Id > id));
    }
}
