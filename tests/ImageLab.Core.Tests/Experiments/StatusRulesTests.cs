using ImageLab.Core.Experiments;

namespace ImageLab.Core.Tests.Experiments;

public sealed class StatusRulesTests
{
    [Theory]
    [InlineData(new[] { IterationStatus.Queued, IterationStatus.Queued }, ExperimentStatus.Queued)]
    [InlineData(new[] { IterationStatus.Succeeded, IterationStatus.Queued }, ExperimentStatus.Running)]
    [InlineData(new[] { IterationStatus.Building, IterationStatus.Queued }, ExperimentStatus.Running)]
    [InlineData(new[] { IterationStatus.Succeeded, IterationStatus.Succeeded }, ExperimentStatus.Succeeded)]
    [InlineData(new[] { IterationStatus.Succeeded, IterationStatus.Failed, IterationStatus.Canceled }, ExperimentStatus.Failed)]
    [InlineData(new[] { IterationStatus.Succeeded, IterationStatus.Canceled }, ExperimentStatus.Canceled)]
    public void Combine_IterationStatuses_ExperimentStatus(IterationStatus[] iterations, ExperimentStatus expected) =>
        Assert.Equal(expected, StatusRules.Combine(iterations));

    [Theory]
    [InlineData(1_200_000_000L, 450_000_000L, 62.5)]
    [InlineData(1_168_539_224L, 328_914_979L, 71.9)]
    [InlineData(100L, 100L, 0.0)]
    [InlineData(100L, 150L, -50.0)]
    public void ReductionPercent_Sizes_OneDecimalAgainstTheBaseline(long baseline, long size, double expected) =>
        Assert.Equal(expected, StatusRules.ReductionPercent(baseline, size));

    [Fact]
    public void ReductionPercent_UnknownSize_Null()
    {
        Assert.Null(StatusRules.ReductionPercent(null, 5));
        Assert.Null(StatusRules.ReductionPercent(5, null));
        Assert.Null(StatusRules.ReductionPercent(0, 5));
    }
}
