using System.Formats.Tar;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>Records what the pages ask for: submissions with the paths in their context tar, cancellations.</summary>
public sealed class FakeExperimentCommands : IExperimentCommands
{
    public List<(ExperimentSubmission Submission, IReadOnlyList<string> ContextPaths)> Submitted { get; } = [];

    public List<long> CancelledExperiments { get; } = [];

    public List<(long ExperimentId, long IterationId)> CancelledIterations { get; } = [];

    public long NextId { get; set; } = 42;

    public async Task<long> SubmitAsync(ExperimentSubmission submission, Stream contextTar, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        using var reader = new TarReader(contextTar);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            paths.Add(entry.Name);
        }

        Submitted.Add((submission, paths));
        return NextId;
    }

    public Task<bool> CancelExperimentAsync(long experimentId, CancellationToken cancellationToken)
    {
        CancelledExperiments.Add(experimentId);
        return Task.FromResult(true);
    }

    public Task<bool> CancelIterationAsync(long experimentId, long iterationId, CancellationToken cancellationToken)
    {
        CancelledIterations.Add((experimentId, iterationId));
        return Task.FromResult(true);
    }
}
