using ImageLab.Core.Builds;
using ImageLab.Core.Engines;
using ImageLab.Core.Experiments;

namespace ImageLab.Core.Tests.Engines;

public class MeasuredOnTests
{
    private static readonly EngineDescription Debian12 = new("20.10.24", "1.41", "overlay2", ImageStoreKind.GraphDriver);
    private static readonly EngineDescription Docker28 = new("28.5.2", "1.51", "overlayfs", ImageStoreKind.Containerd);

    [Fact]
    public void Describe_OneEngine_NamesItsVersionApiStoreAndDriver()
    {
        var text = MeasuredOn.Describe([Iteration("1-naive", Docker28), Iteration("2-slim", Docker28)]);

        Assert.Equal("Measured on Docker 28.5.2 (API 1.51, containerd image store, overlayfs).", text);
    }

    [Fact]
    public void Describe_NothingMeasuredYet_IsNull()
    {
        Assert.Null(MeasuredOn.Describe([Iteration("1-naive", null)]));
    }

    [Fact]
    public void AcrossEngines_TwoEngines_SaysWhichNumbersCompare()
    {
        IterationDetails[] iterations = [Iteration("1-naive", Debian12), Iteration("2-slim", Docker28), Iteration("3-multistage", null)];

        var sentence = MeasuredOn.AcrossEngines(iterations);

        Assert.NotNull(sentence);
        Assert.StartsWith("These iterations were measured on 2 different engines. Image sizes compare", sentence, StringComparison.Ordinal);
        Assert.Equal(
            "Measured on 1-naive on Docker 20.10.24 (API 1.41, graph-driver image store, overlay2); 2-slim on Docker 28.5.2 (API 1.51, containerd image store, overlayfs).",
            MeasuredOn.Describe(iterations));
    }

    [Fact]
    public void AcrossEngines_SameEngineSpokenWithAnotherApi_IsNull()
    {
        var sameEngine = Docker28 with { ApiVersion = "1.44" };

        Assert.Null(MeasuredOn.AcrossEngines([Iteration("1-naive", Docker28), Iteration("2-slim", sameEngine)]));
    }

    private static IterationDetails Iteration(string name, EngineDescription? engine) => new()
    {
        Id = name.GetHashCode(StringComparison.Ordinal),
        Ordinal = 1,
        Name = name,
        Dockerfile = "Dockerfile." + name,
        Builder = BuilderKind.BuildKit,
        Status = engine is null ? IterationStatus.Queued : IterationStatus.Succeeded,
        MeasuredOn = engine,
    };
}
