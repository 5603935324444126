using Bunit;
using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;
using ImageLab.Web.Components.Controls;
using ImageLab.Web.Tests.Components.Fakes;

namespace ImageLab.Web.Tests.Components.Controls;

public class SizeCausesTests : ImageLabTestContext
{
    // Seven steps changed; the blamer lists them largest change first.
    private static readonly SizeBlame Blame = new(
        BeforeBytes: 100_000_000,
        AfterBytes: 139_000_000,
        ByPackage: [new SizeCause(SizeCauseKind.Package, "dpkg:curl", 0, 2_000_000)],
        ByKind: [new SizeCause(SizeCauseKind.Kind, "PackageCaches", 1_000_000, 32_000_000)],
        ByLine:
        [
            new SizeCause(SizeCauseKind.Line, "line 14 `COPY . .`", 10_000_000, 48_200_000, new SizeDetail("/app/node_modules/.cache", 31_000_000)),
            new SizeCause(SizeCauseKind.Line, "line 3 `RUN apt-get install -y curl`", 0, 2_500_000, new SizeDetail("dpkg:curl", 2_000_000)),
            new SizeCause(SizeCauseKind.Line, "line 4 `RUN rm -rf /var/lib/apt/lists/*`", 1_800_000, 0),
            new SizeCause(SizeCauseKind.Line, "line 5 `RUN pip install .`", 5_000_000, 5_400_000, new SizeDetail("/usr/local/lib", 400_000)),
            new SizeCause(SizeCauseKind.Line, "line 6 `RUN make`", 3_000_000, 2_700_000, new SizeDetail("/build", -300_000)),
            new SizeCause(SizeCauseKind.Line, "line 7 `COPY docs docs`", 0, 200_000),
            new SizeCause(SizeCauseKind.Line, "line 8 `COPY VERSION .`", 0, 100),
        ]);

    [Fact]
    public void SizeCauseList_StepWithFolder_ReadsAsOneLineWithTheStepAndFolderAsCode()
    {
        var list = Render<SizeCauseList>(p => p.Add(c => c.Causes, Blame.TopCauses()));

        var first = list.FindAll(".size-cause")[0];
        Assert.Equal("+38.2 MB: line 14 COPY . . now brings /app/node_modules/.cache (+31 MB)", Normalize(first.TextContent));
        Assert.Equal(["COPY . .", "/app/node_modules/.cache"], first.QuerySelectorAll("code").Select(code => code.TextContent));
        Assert.Equal("38200000", first.GetAttribute("data-delta-bytes"));
        Assert.Contains("is-larger", first.QuerySelector(".size-cause-change")!.ClassList);
    }

    [Fact]
    public void SizeCauseList_NewGoneAndShrunkSteps_SayWhatHappened()
    {
        var list = Render<SizeCauseList>(p => p.Add(c => c.Causes, Blame.ByLine));

        var lines = list.FindAll(".size-cause").Select(line => Normalize(line.TextContent)).ToList();
        Assert.Equal("+2.5 MB: line 3 RUN apt-get install -y curl, a new step, brings package dpkg:curl (+2 MB)", lines[1]);
        Assert.Equal("−1.8 MB: line 4 RUN rm -rf /var/lib/apt/lists/* is gone", lines[2]);
        Assert.Equal("−300 kB: line 6 RUN make now brings less of /build (−300 kB)", lines[4]);
        Assert.Equal("+100 B: line 8 COPY VERSION . is a new step", lines[6]);
    }

    [Fact]
    public void SizeCausesPanel_Blame_LeadsWithTheTopFiveCausesLargestFirst()
    {
        Blames.Set(101, 105, Blame);

        var panel = Render<SizeCausesPanel>(p => p.Add(c => c.BeforeIterationId, 101).Add(c => c.AfterIterationId, 105)
            .Add(c => c.BeforeName, "1-naive").Add(c => c.AfterName, "5-cleaned"));

        panel.WaitForAssertion(() => Assert.Equal(5, panel.FindAll(".size-cause").Count));
        var deltas = panel.FindAll(".size-cause").Select(cause => long.Parse(cause.GetAttribute("data-delta-bytes")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([38_200_000, 2_500_000, -1_800_000, 400_000, -300_000], deltas);
        Assert.Contains("Why 5-cleaned differs from 1-naive", panel.Markup, StringComparison.Ordinal);
        Assert.Equal("39000000", panel.Find(".size-causes-total").GetAttribute("data-delta-bytes"));
        Assert.Contains("+39 MB uncompressed, counted from the files in the layers (100 MB → 139 MB)", Normalize(panel.Find(".size-causes-panel").TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public void SizeCausesPanel_NoAnatomy_SaysWhyInASentence()
    {
        var panel = Render<SizeCausesPanel>(p => p.Add(c => c.BeforeIterationId, 101).Add(c => c.AfterIterationId, 102)
            .Add(c => c.BeforeName, "1-naive").Add(c => c.AfterName, "2-slim"));

        panel.WaitForAssertion(() => Assert.Equal(
            "Why the size changed is not known yet: " + FakeSizeBlames.Unavailable, panel.Find(".size-causes-unavailable").TextContent));
        Assert.Empty(panel.FindAll(".size-cause"));
    }

    [Fact]
    public void SizeCausesPanel_AnalysisArrivesLater_ShowsTheCausesOnTheNextRender()
    {
        var panel = Render<SizeCausesPanel>(p => p.Add(c => c.BeforeIterationId, 101).Add(c => c.AfterIterationId, 105)
            .Add(c => c.BeforeName, "1-naive").Add(c => c.AfterName, "5-cleaned"));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".size-causes-unavailable")));

        Blames.Set(101, 105, Blame);
        panel.Render(p => p.Add(c => c.AfterName, "5-cleaned"));

        panel.WaitForAssertion(() => Assert.Equal(5, panel.FindAll(".size-cause").Count));
    }

    [Fact]
    public void ComparisonView_Ladder_LeadsWithTheCausesFromTheBaselineToTheSmallest()
    {
        RenderPopovers();
        Blames.Set(101, 105, Blame);

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, Ladder.Finished()));

        view.WaitForAssertion(() => Assert.Equal(5, view.FindAll(".comparison-causes .size-cause").Count));
        var panel = view.Find(".comparison-causes .size-causes-panel");
        Assert.Equal("101", panel.GetAttribute("data-before"));
        Assert.Equal("105", panel.GetAttribute("data-after"));
        Assert.Contains("Why 5-cleaned differs from the baseline 1-naive", panel.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonView_DefaultPickerPair_DoesNotListTheTopCausesTwice()
    {
        RenderPopovers();
        Blames.Set(101, 105, Blame);

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, Ladder.Finished()));

        view.WaitForAssertion(() => Assert.Equal(5, view.FindAll(".comparison-causes .size-cause").Count));
        Assert.Equal(5, view.FindAll(".size-cause").Count);
        Assert.Empty(view.FindAll(".pair-causes"));
        Assert.Contains("is listed at the top of this tab", view.Find(".pair-causes-above").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonView_BaselineExperiment_ListsTheFinalIterationsCausesAgainstIt()
    {
        RenderPopovers();
        Baselines.Set(new BaselineComparison(7, 3, "main nightly", "newest succeeded experiment of ladder labelled branch=main", 105, "5-cleaned", 205, "5-cleaned"));
        Blames.Set(205, 105, Blame);

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, Ladder.Finished()));

        view.WaitForAssertion(() => Assert.Equal(5, view.FindAll(".comparison-baseline .size-cause").Count));
        var panel = view.Find(".comparison-baseline .size-causes-panel");
        Assert.Equal(("205", "105"), (panel.GetAttribute("data-before"), panel.GetAttribute("data-after")));
        Assert.Contains("Baseline: experiment 3 “main nightly”, the newest succeeded experiment of ladder labelled branch=main.", Normalize(view.Find(".baseline-causes-chosen").TextContent), StringComparison.Ordinal);
        Assert.Contains("Why 5-cleaned differs from the baseline's 5-cleaned", panel.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonView_NoBaselineExperiment_SaysSoInWords()
    {
        RenderPopovers();

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, Ladder.Finished()));

        view.WaitForAssertion(() => Assert.Equal(FakeBaselineComparisons.NoBaseline, view.Find(".comparison-baseline .baseline-causes-none").TextContent));
        Assert.Empty(view.FindAll(".comparison-baseline .size-causes-panel"));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" :", ":", StringComparison.Ordinal);
}
