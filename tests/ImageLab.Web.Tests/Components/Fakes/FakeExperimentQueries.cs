using ImageLab.Core.Experiments;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>In-memory queries: experiments a test puts in, listed, filtered and paged as the store does.</summary>
public sealed class FakeExperimentQueries : IExperimentQueries
{
    public Dictionary<long, ExperimentDetails> Experiments { get; } = [];

    public List<ExperimentSummary> Summaries { get; } = [];

    public List<TrendPoint> Trend { get; } = [];

    public List<IterationReference> Comparable { get; } = [];

    public List<ExperimentFilter> Filters { get; } = [];

    public int GetCalls { get; private set; }

    public Exception? Failure { get; set; }

    public Task<ExperimentDetails?> GetExperimentAsync(long id, CancellationToken cancellationToken)
    {
        GetCalls++;
        ThrowIfFailing();
        return Task.FromResult(Experiments.GetValueOrDefault(id));
    }

    public Task<Page<ExperimentSummary>> ListExperimentsAsync(ExperimentFilter filter, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Filters.Add(filter);
        var matching = Summaries
            .Where(s => filter.Project is null || s.Project == filter.Project)
            .Where(s => filter.SubmittedBy is null || s.SubmittedBy == filter.SubmittedBy)
            .Where(s => filter.Status is null || s.Status == filter.Status)
            .Where(s => filter.From is null || s.CreatedAt >= filter.From)
            .Where(s => filter.To is null || s.CreatedAt < filter.To)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .ToList();
        return Task.FromResult(filter.IsKeyset ? KeysetPage(matching, filter) : NumberedPage(matching, filter));
    }

    private static Page<ExperimentSummary> NumberedPage(List<ExperimentSummary> matching, ExperimentFilter filter)
    {
        var items = matching.Skip((filter.PageNumber - 1) * filter.PageSize).Take(filter.PageSize).ToList();
        return new Page<ExperimentSummary>(items, filter.PageNumber, filter.PageSize, matching.Count)
        {
            Older = items.Count > 0 && matching.IndexOf(items[^1]) < matching.Count - 1 ? ExperimentCursor.Of(items[^1]).Token : null,
            Newer = items.Count > 0 && filter.PageNumber > 1 ? ExperimentCursor.Of(items[0]).Token : null,
        };
    }

    // The store's keyset paging over the same list (newest first): the rows just older or newer than a cursor, or the oldest.
    private static Page<ExperimentSummary> KeysetPage(List<ExperimentSummary> matching, ExperimentFilter filter)
    {
        var (rows, fromTop) = filter switch
        {
            { OlderThan: { } older } => (matching.Where(s => Compare(s, older) < 0).ToList(), true),
            { NewerThan: { } newer } => (matching.Where(s => Compare(s, newer) > 0).ToList(), false),
            _ => (matching, false),
        };
        var items = fromTop ? rows.Take(filter.PageSize).ToList() : rows.TakeLast(filter.PageSize).ToList();
        var more = rows.Count > filter.PageSize;
        return new Page<ExperimentSummary>(items, 0, filter.PageSize, matching.Count)
        {
            Older = items.Count > 0 && (fromTop ? more : filter.NewerThan is not null) ? ExperimentCursor.Of(items[^1]).Token : null,
            Newer = items.Count > 0 && (fromTop || more) ? ExperimentCursor.Of(items[0]).Token : null,
        };
    }

    private static int Compare(ExperimentSummary row, ExperimentCursor cursor) =>
        row.CreatedAt != cursor.CreatedAt ? row.CreatedAt.CompareTo(cursor.CreatedAt) : row.Id.CompareTo(cursor.Id);

    public Task<IReadOnlyList<string>> ListProjectsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Summaries.Select(s => s.Project).Concat(Experiments.Values.Select(e => e.Project)).Distinct().Order().ToList());

    public Task<IReadOnlyList<string>> ListSubmittersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Summaries.Select(s => s.SubmittedBy).Distinct().Order().ToList());

    public Task<IReadOnlyList<TrendPoint>> GetTrendAsync(string project, int maxPoints, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrendPoint>>(Trend.TakeLast(maxPoints).ToList());

    public Task<IAsyncEnumerable<string>?> OpenLogAsync(long experimentId, long iterationId, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncEnumerable<string>?>(null);

    public Task<IReadOnlyList<IterationReference>> ListComparableIterationsAsync(string project, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IterationReference>>(Comparable);

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    public Task<WaitingIterations> CountWaitingIterationsAsync(string submittedBy, string project, CancellationToken cancellationToken) =>
        Task.FromResult(new WaitingIterations(0, 0));
}
