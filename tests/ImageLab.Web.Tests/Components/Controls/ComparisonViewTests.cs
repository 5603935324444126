using System.Globalization;
using Bunit;
using ImageLab.Core.Engines;
using ImageLab.Web.Components.Controls;
using ImageLab.Web.Tests.Components.Fakes;

namespace ImageLab.Web.Tests.Components.Controls;

public class ComparisonViewTests : ImageLabTestContext
{
    [Fact]
    public void Render_Ladder_EveryBarSaysItsReductionAgainstTheBaseline()
    {
        RenderPopovers();

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, Ladder.Finished()));

        var bars = view.Find(".size-bars");
        Assert.Equal("baseline", bars.QuerySelector("[data-iteration='1-naive'] .size-bar-note")!.TextContent);
        Assert.Equal("1.17 GB → 329 MB (72% smaller)", bars.QuerySelector("[data-iteration='2-slim'] .size-bar-reduction")!.TextContent);
        Assert.Equal("1.17 GB → 60.1 MB (95% smaller)", bars.QuerySelector("[data-iteration='4-minimal'] .size-bar-reduction")!.TextContent);
        Assert.Contains("5-cleaned is the smallest", view.Find(".comparison-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Ladder_TableShowsExactBytesLayersAndBuildTime()
    {
        RenderPopovers();

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, Ladder.Finished()));

        var row = view.Find(".comparison-table tr[data-iteration='3-multistage']");
        var size = row.QuerySelector("td.num [data-bytes]")!;
        Assert.Equal(Ladder.Multistage.ToString(System.Globalization.CultureInfo.InvariantCulture), size.GetAttribute("data-bytes"));
        Assert.Equal("120,345,678 bytes", size.GetAttribute("title"));
        Assert.Contains("90% smaller", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 of 5", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("14 s", row.TextContent, StringComparison.Ordinal);
        var largest = row.QuerySelector(".largest-cell a")!;
        Assert.StartsWith("RUN apt-get update && apt-get install", largest.TextContent, StringComparison.Ordinal);
        Assert.Contains("RUN apt-get update && apt-get install -y python3-fastapi\n36.3 MB (36,342,678 bytes) · own layer", largest.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Ladder_LayerStacksCallOutTheLargestOwnLayer()
    {
        RenderPopovers();

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, Ladder.Finished()));

        var stack = view.Find(".stack-row[data-iteration='1-naive']");
        Assert.Single(stack.QuerySelectorAll(".layer-seg.is-largest"));
        Assert.Equal(2, stack.QuerySelectorAll(".layer-seg[class*='layer-base']").Length);
        Assert.Contains("Largest own layer", stack.TextContent, StringComparison.Ordinal);
        Assert.Contains("(93% of the image)", stack.TextContent, StringComparison.Ordinal);
        Assert.Equal("/experiments/7/iterations/101?layer=3", stack.QuerySelector(".layer-seg.is-largest")!.GetAttribute("href"));
    }

    [Fact]
    public void Render_PairOfIterations_SaysWhichIsSmallerByHowMuch()
    {
        RenderPopovers();

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, Ladder.Finished()));

        view.WaitForAssertion(() => Assert.Equal(
            "5-cleaned is 1.13 GB smaller than 1-naive: 1.17 GB → 44.1 MB (96% smaller).",
            view.Find(".pair-verdict").GetAttribute("data-verdict")));
    }

    [Fact]
    public void Render_AnalyzedIteration_ShowsPushSizeNextToEverySize()
    {
        RenderPopovers();
        var ladder = Ladder.Finished();
        var slim = ladder.Iterations[1];
        var layers = slim.Layers.Select(l => l.EmptyLayer ? l : l with { CompressedSizeBytes = l.SizeBytes / 3 }).ToList();
        var analyzed = slim with { Layers = layers, CompressedSizeBytes = layers.Sum(l => l.CompressedSizeBytes ?? 0) };
        var experiment = ladder with { Iterations = [ladder.Iterations[0], analyzed, .. ladder.Iterations.Skip(2)] };

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, experiment));

        var cells = view.Find(".comparison-table tr[data-iteration='2-slim']").QuerySelectorAll("td.num");
        Assert.Equal(Invariant(analyzed.CompressedSizeBytes!.Value), cells[0].QuerySelector(".push-size")!.GetAttribute("data-compressed-bytes"));
        Assert.Contains(analyzed.CompressedSizeBytes!.Value.ToString("N0", CultureInfo.InvariantCulture) + " bytes", cells[0].QuerySelector(".push-size")!.GetAttribute("title"), StringComparison.Ordinal);
        var own = layers.Where(l => !l.FromBaseImage).Sum(l => l.CompressedSizeBytes ?? 0);
        var fromBase = layers.Where(l => l.FromBaseImage).Sum(l => l.CompressedSizeBytes ?? 0);
        Assert.Equal(Invariant(own), cells[3].QuerySelector(".push-size")!.GetAttribute("data-compressed-bytes"));
        Assert.Equal(Invariant(fromBase), cells[4].QuerySelector(".push-size")!.GetAttribute("data-compressed-bytes"));
        Assert.Equal(Invariant(analyzed.CompressedSizeBytes!.Value), view.Find(".size-bar-row[data-iteration='2-slim'] .push-size").GetAttribute("data-compressed-bytes"));
        Assert.Empty(view.Find(".comparison-table tr[data-iteration='1-naive']").QuerySelectorAll(".push-size"));
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Render_NothingMeasured_SaysWhereSizesWillAppear()
    {
        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, Ladder.Queued()));

        Assert.Contains("Nothing to compare yet", view.Markup, StringComparison.Ordinal);
    }
    [Fact]
    public void Render_IterationsMeasuredOnTwoEngines_SaysSoAndNamesEachEngine()
    {
        RenderPopovers();
        var old = new EngineDescription("20.10.24", "1.41", "overlay2", ImageStoreKind.GraphDriver);
        var containerd = new EngineDescription("28.5.2", "1.51", "overlayfs", ImageStoreKind.Containerd);
        var ladder = Ladder.Finished();
        var experiment = ladder with
        {
            Iterations = [.. ladder.Iterations.Select(i => i with { MeasuredOn = i.Ordinal <= 2 ? old : containerd })],
        };

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, experiment));

        var note = view.Find("[data-testid='across-engines']").TextContent;
        Assert.Contains("measured on 2 different engines", note, StringComparison.Ordinal);
        Assert.Contains("1-naive, 2-slim on Docker 20.10.24 (API 1.41, graph-driver image store, overlay2)", note, StringComparison.Ordinal);
        Assert.Contains("3-multistage, 4-minimal, 5-cleaned on Docker 28.5.2 (API 1.51, containerd image store, overlayfs)", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IterationsMeasuredOnOneEngine_HasNoCrossEngineNote()
    {
        RenderPopovers();
        var engine = new EngineDescription("28.5.2", "1.51", "overlayfs", ImageStoreKind.Containerd);
        var ladder = Ladder.Finished();
        var experiment = ladder with { Iterations = [.. ladder.Iterations.Select(i => i with { MeasuredOn = engine })] };

        var view = Render<ComparisonView>(p => p.Add(c => c.Experiment, experiment));

        Assert.Empty(view.FindAll("[data-testid='across-engines']"));
    }
}
