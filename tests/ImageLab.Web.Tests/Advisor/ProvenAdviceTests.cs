using Bunit;
using ImageLab.Core.Advice;
using ImageLab.Core.Dockerfiles;
using ImageLab.Web.Components.Pages.Advisor;
using ImageLab.Web.Tests.Components;
using ImageLab.Web.Tests.Components.Fakes;
using ImageLab.Web.UseCases;

namespace ImageLab.Web.Tests.Advisor;

/// <summary>The advice page says "measured" where a suggestion's build proved a finding's bytes, and "at stake (estimate)" elsewhere.</summary>
public sealed class ProvenAdviceTests : ImageLabTestContext
{
    [Fact]
    public void IterationAdvice_SuggestionMeasuredFromIt_ProvesTheRulesItsTransformationsAnswer()
    {
        // Arrange
        var experiment = Suggestions.Experiment();

        // Act
        var advice = IterationAdvice.Create(experiment.Iterations[0], [], experiment.Iterations);

        // Assert
        var apt = advice.Proven["DL3015"];
        Assert.Equal(("apt-no-install-recommends", Suggestions.AptSaving, "6. 1-naive suggested"), (apt.TransformationId, apt.SavedBytes, apt.SuggestionTitle));
        Assert.Equal(-4_096, advice.Proven["DL3009"].SavedBytes);
        Assert.False(advice.Proven.ContainsKey("IL002"), "a dropped transformation proves nothing");
        Assert.Empty(IterationAdvice.Create(experiment.Iterations[1], [], experiment.Iterations).Proven);
    }

    [Fact]
    public void FindingsList_ProvenAndEstimatedFindings_SaysMeasuredOrAtStakeEstimate()
    {
        // Arrange
        IReadOnlyList<Finding> findings =
        [
            new("DL3015", FindingSeverity.Warning, 3, "Recommends.", "--no-install-recommends.") { BytesAtStake = 377_000_000 },
            new("DL3042", FindingSeverity.Warning, 8, "pip cache.", "--no-cache-dir.") { BytesAtStake = 148_000_000 },
            new("IL002", FindingSeverity.Info, 1, "Full base.", "A slim base.") { BytesAtStake = 900_000_000 },
        ];
        var proven = new Dictionary<string, ProvenSaving>
        {
            ["DL3015"] = new("apt-no-install-recommends", 61_234_567, ["DL3015"], "6. naive suggested", null, []),
            ["IL002"] = new("smaller-base", 870_000_000, ["IL002"], "6. naive suggested", null, ["multi-stage-split"]),
        };

        // Act
        var cut = Render<FindingsList>(p => p.Add(c => c.Findings, findings).Add(c => c.Proven, proven));

        // Assert
        var measured = cut.Find("li.finding[data-rule='DL3015'] .finding-bytes");
        Assert.Equal("61234567", measured.GetAttribute("data-measured-bytes"));
        Assert.Equal("· −61.2 MB measured", measured.TextContent.Trim());
        Assert.Contains("uncompressed", measured.GetAttribute("title"), StringComparison.Ordinal);
        Assert.DoesNotContain("at stake", cut.Find("li.finding[data-rule='DL3015']").TextContent, StringComparison.Ordinal);
        Assert.Contains("by apt-no-install-recommends in 6. naive suggested", cut.Find("li.finding[data-rule='DL3015']").TextContent, StringComparison.Ordinal);
        var estimate = cut.Find("li.finding[data-rule='DL3042'] .finding-bytes");
        Assert.Contains("148 MB at stake (estimate)", estimate.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("li.finding[data-rule='DL3042'] [data-measured-bytes]"));
        Assert.Contains("by smaller-base (on top of multi-stage-split) in 6. naive suggested", cut.Find("li.finding[data-rule='IL002']").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Measured, not estimated: built on top of multi-stage-split on this iteration,",
            cut.Find("li.finding[data-rule='IL002'] .finding-bytes").GetAttribute("title"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(61_234_567, "is-saving", "· −61.2 MB measured")]
    [InlineData(-400, "is-cost", "· +400 B measured")]
    [InlineData(0, "is-unchanged", "· 0 B measured")]
    public void FindingsList_MeasuredSavingCostOrNothing_ColoursOnlyASavingAsOne(long savedBytes, string expectedClass, string expectedText)
    {
        // Arrange
        IReadOnlyList<Finding> findings = [new("DL3009", FindingSeverity.Warning, 5, "Apt lists.", "Remove them.") { BytesAtStake = 151_075 }];
        var proven = new Dictionary<string, ProvenSaving> { ["DL3009"] = new("apt-lists-cleanup", savedBytes, ["DL3009"], "2. naive suggested", null, []) };

        // Act
        var cut = Render<FindingsList>(p => p.Add(c => c.Findings, findings).Add(c => c.Proven, proven));

        // Assert
        var measured = cut.Find("li.finding[data-rule='DL3009'] .finding-bytes");
        Assert.Contains(expectedClass, measured.ClassList);
        Assert.Equal(expectedText, measured.TextContent.Trim());
    }
}
