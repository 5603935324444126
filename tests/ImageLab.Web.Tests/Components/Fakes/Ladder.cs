using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>The lesson's ladder as test data: five iterations with the sizes measured on the engine, and layers.</summary>
public static class Ladder
{
    public const long Naive = 1_171_234_567;
    public const long Slim = 329_456_789;
    public const long Multistage = 120_345_678;
    public const long Minimal = 60_123_456;
    public const long Cleaned = 44_123_456;

    public static readonly DateTimeOffset Created = new(2025, 11, 29, 14, 50, 0, TimeSpan.Zero);

    public static IReadOnlyList<(string Name, long Size)> Steps { get; } =
    [
        ("1-naive", Naive), ("2-slim", Slim), ("3-multistage", Multistage), ("4-minimal", Minimal), ("5-cleaned", Cleaned),
    ];

    /// <summary>An experiment whose iterations all succeeded (ids 101..105).</summary>
    public static ExperimentDetails Finished(long id = 7) => Experiment(id, ExperimentStatus.Succeeded, _ => IterationStatus.Succeeded);

    /// <summary>An experiment that was just submitted: every iteration queued, nothing measured.</summary>
    public static ExperimentDetails Queued(long id = 7) => Experiment(id, ExperimentStatus.Queued, _ => IterationStatus.Queued);

    public static ExperimentDetails Experiment(long id, ExperimentStatus status, Func<int, IterationStatus> statusOf)
    {
        var iterations = Steps.Select((step, index) =>
        {
            var iterationStatus = statusOf(index);
            var measured = iterationStatus == IterationStatus.Succeeded;
            return new IterationDetails
            {
                Id = 101 + index,
                Ordinal = index + 1,
                Name = step.Name,
                Dockerfile = "Dockerfile." + step.Name,
                DockerfileText = "FROM python:3.11-slim-bookworm\nWORKDIR /app\nRUN apt-get update \\\n && apt-get install -y python3-fastapi\nCOPY main.py .\nCMD [\"python3\", \"main.py\"]\n",
                Builder = BuilderKind.BuildKit,
                Status = iterationStatus,
                SizeBytes = measured ? step.Size : null,
                ReductionPercent = measured && index > 0 ? StatusRules.ReductionPercent(Naive, step.Size) : null,
                BuildSeconds = measured ? 12.5 + index : null,
                TotalSteps = measured ? 6 : 0,
                CompletedSteps = measured ? 6 : 0,
                CachedSteps = measured ? 2 : 0,
                QueuedAt = Created,
                StartedAt = measured ? Created.AddSeconds(10 * index) : null,
                FinishedAt = measured ? Created.AddSeconds((10 * index) + 8) : null,
                Layers = measured ? Layers(step.Size) : [],
            };
        }).ToList();
        return new ExperimentDetails(id, "Python offline ladder", "python-offline", "ada", status, Created, iterations);
    }

    /// <summary>Base layers (74 MB + 10 MB), an empty WORKDIR, the big RUN (the rest, less 3 kB) and a 3 kB COPY.</summary>
    public static IReadOnlyList<LayerDetails> Layers(long total)
    {
        const long baseA = 74_000_000;
        const long baseB = 10_000_000;
        const long copy = 3_000;
        var run = Math.Max(total - baseA - baseB - copy, 1000);
        return
        [
            new LayerDetails(0, "<missing>", "/bin/sh -c #(nop) ADD file:abc in / ", baseA, Created, "", false, true, null, null),
            new LayerDetails(1, "<missing>", "RUN /bin/sh -c apt-get update && apt-get install -y ca-certificates # buildkit", baseB, Created, "", false, true, null, null),
            new LayerDetails(2, "<missing>", "WORKDIR /app", 0, Created, "", true, false, "WORKDIR /app", 2),
            new LayerDetails(3, "<missing>", "RUN /bin/sh -c apt-get update  && apt-get install -y python3-fastapi # buildkit", run, Created, "", false, false, "RUN apt-get update && apt-get install -y python3-fastapi", 3),
            new LayerDetails(4, "sha256:0123456789abcdef0123", "COPY main.py . # buildkit", copy, Created, "", false, false, "COPY main.py .", 5),
        ];
    }
}
