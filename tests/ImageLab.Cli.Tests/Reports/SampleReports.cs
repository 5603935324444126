using ImageLab.Core.Builds;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;

namespace ImageLab.Cli.Tests.Reports;

/// <summary>Experiments as the REST API serves them, for report and budget tests.</summary>
public static class SampleReports
{
    public static ExperimentDetails Experiment(long id, params (string Name, long? Size, IterationStatus Status)[] iterations) =>
        new(id, $"exp {id}", "greeter", "ci", StatusRules.Combine(iterations.Select(i => i.Status)), new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero),
            iterations.Select((it, i) => Iteration(id * 10 + i, i + 1, it.Name, it.Size, it.Status)).ToList());

    public static IterationDetails Iteration(long id, int ordinal, string name, long? size, IterationStatus status = IterationStatus.Succeeded) => new()
    {
        Id = id,
        Ordinal = ordinal,
        Name = name,
        Dockerfile = $"Dockerfile.{name}",
        Builder = BuilderKind.BuildKit,
        Status = status,
        SizeBytes = size,
        Layers =
        [
            new LayerDetails(0, "sha256:a", "ADD rootfs.tar /", 70_000_000, default, "", false, true, null, null),
            new LayerDetails(1, "sha256:b", "RUN pip install -r requirements.txt", 40_000_000, default, "", false, false, "RUN pip install -r requirements.txt", 5),
            new LayerDetails(2, "sha256:c", "COPY . .", 1_000_000, default, "", false, false, "COPY . .", 6),
            new LayerDetails(3, "sha256:d", "CMD [\"python\"]", 0, default, "", true, false, "CMD [\"python\"]", 7),
        ],
        Findings = [new Finding("DL3042", FindingSeverity.Warning, 5, "pip keeps its cache.", "Add --no-cache-dir.") { BytesAtStake = 12_000_000 }],
    };
}
