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
            .OrderByDescending(s => s.CreatedAt)
            .ToList();
        var items = matching.Skip((filter.PageNumber - 1) * filter.PageSize).Take(filter.PageSize).ToList();
        return Task.FromResult(new Page<ExperimentSummary>(items, filter.PageNumber, filter.PageSize, matching.Count));
    }

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
