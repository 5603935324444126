using Bunit;
using ImageLab.Core.Experiments;
using ImageLab.Web.Components.Controls;
using ImageLab.Web.Tests.Components.Fakes;
using ImageLab.Web.ViewModels;

namespace ImageLab.Web.Tests.Components.Controls;

public class ControlTests : ImageLabTestContext
{
    [Theory]
    [InlineData(IterationStatus.Queued, "Queued")]
    [InlineData(IterationStatus.Building, "Building")]
    [InlineData(IterationStatus.Measuring, "Measuring")]
    [InlineData(IterationStatus.Succeeded, "Succeeded")]
    [InlineData(IterationStatus.Failed, "Failed")]
    [InlineData(IterationStatus.Canceled, "Cancelled")]
    public void StatusChip_EachIterationStatus_IsNamedInWords(IterationStatus status, string label)
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Iteration, status).Add(c => c.Reason, "why"));

        Assert.Equal(label, chip.Find(".status-chip").GetAttribute("data-status"));
        Assert.Contains(label, chip.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusChip_RunningExperiment_Spins()
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Experiment, ExperimentStatus.Running));

        Assert.Contains("status-busy", chip.Find(".status-chip").ClassList);
    }

    [Fact]
    public void ByteSizeText_Size_ShowsHumanSizeWithExactBytesInTheTitle()
    {
        var text = Render<ByteSizeText>(p => p.Add(c => c.Bytes, Ladder.Slim));

        var span = text.Find("span");
        Assert.Equal("329 MB", span.TextContent);
        Assert.Equal("329,456,789 bytes", span.GetAttribute("title"));
        Assert.Equal("329456789", span.GetAttribute("data-bytes"));
    }

    [Fact]
    public void LogViewer_AnsiLine_RendersColourSpansAndNoEscapeCharacter()
    {
        var log = new LogBuffer();
        log.Append("\u001b[32m#5 DONE 0.4s\u001b[0m and \u001b[2Kplain");

        var viewer = Render<LogViewer>(p => p.Add(c => c.Log, log));

        var line = viewer.Find(".log-line");
        Assert.Equal("#5 DONE 0.4s", line.QuerySelector(".ansi-fg-2")!.TextContent);
        Assert.DoesNotContain('\u001b', viewer.Markup);
        Assert.EndsWith("#5 DONE 0.4s and plain", line.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LogViewer_FiftyThousandLines_RendersOnlyAWindow()
    {
        var log = new LogBuffer();
        for (var i = 0; i < 50_000; i++)
        {
            log.Append($"line {i}");
        }

        var viewer = Render<LogViewer>(p => p.Add(c => c.Log, log).Add(c => c.Title, "1. naive"));

        Assert.Equal("50000", viewer.Find("[data-log-count]").GetAttribute("data-log-count"));
        Assert.Contains("50,000 lines", viewer.Markup, StringComparison.Ordinal);
        Assert.InRange(viewer.FindAll(".log-line").Count, 1, 200);
    }

    [Fact]
    public async Task LogViewer_Following_RendersTheNewestLinesAfterASpacerUntilTheReaderScrollsUp()
    {
        var log = new LogBuffer();
        for (var i = 1; i <= 1000; i++)
        {
            log.Append($"line {i}");
        }

        var viewer = Render<LogViewer>(p => p.Add(c => c.Log, log).Add(c => c.Live, true));

        var lines = viewer.FindAll(".log-line");
        Assert.Equal(LogViewer.TailLines, lines.Count);
        Assert.Equal("1000", lines[^1].QuerySelector(".log-no")!.TextContent);
        Assert.Equal($"height:{(1000 - LogViewer.TailLines) * 19}px", viewer.Find(".log-tail-spacer").GetAttribute("style"));

        log.Append("line 1001");
        await viewer.InvokeAsync(viewer.Instance.Refresh);
        Assert.Equal("1001", viewer.FindAll(".log-line")[^1].QuerySelector(".log-no")!.TextContent);

        await viewer.InvokeAsync(() => viewer.Instance.OnFollowChanged(false));
        Assert.Empty(viewer.FindAll(".log-tail-spacer"));
        Assert.InRange(viewer.FindAll(".log-line").Count, 1, 200);
        Assert.Contains("Follow the end", viewer.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TrendChart_Points_AreLinksToTheirExperiments()
    {
        var chart = Render<TrendChart>(p => p.Add(c => c.Project, "api").Add(c => c.Points, new List<TrendPoint>
        {
            new(11, "first", Ladder.Created, "final", 120_000_000),
            new(12, "second", Ladder.Created.AddDays(1), "final", 44_000_000),
        }));

        var links = chart.FindAll("a.trend-point");
        Assert.Equal(["/experiments/11", "/experiments/12"], links.Select(a => a.GetAttribute("href")));
        Assert.Contains("44 MB (44,000,000 bytes)", links[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LayerTreemap_Layers_OneCellPerLayerWithSizeCarryingGreyBaseAndColouredOwn()
    {
        var layers = Ladder.Layers(Ladder.Naive);

        var map = Render<LayerTreemap>(p => p.Add(c => c.Layers, layers).Add(c => c.SelectedIndex, 3).Add(c => c.Href, l => $"?layer={l.Index}"));

        var cells = map.FindAll(".treemap-cell");
        Assert.Equal(4, cells.Count);
        Assert.Contains("is-selected", map.Find(".treemap-cell[data-layer='3']").ClassList);
        Assert.StartsWith("tm-base", map.Find(".treemap-cell[data-layer='0'] rect").GetAttribute("class"), StringComparison.Ordinal);
        Assert.StartsWith("tm-own", map.Find(".treemap-cell[data-layer='3'] rect").GetAttribute("class"), StringComparison.Ordinal);
    }

    [Fact]
    public void DockerfileEditor_ReadOnly_HighlightsTheLinesOfTheLayer()
    {
        var view = Render<DockerfileEditor>(p => p.Add(c => c.ReadOnly, true).Add(c => c.Text, "FROM a\nRUN x \\\n  && y\nCOPY . .\n").Add(c => c.HighlightLines, new[] { 2, 3 }));

        Assert.Equal(["2", "3"], view.FindAll(".df-line.is-highlighted").Select(l => l.GetAttribute("data-line")));
        Assert.Equal(4, view.FindAll(".df-line").Count);
    }

    [Fact]
    public void DockerfileEditor_Typing_NumbersTheLinesAndReportsTheText()
    {
        string? text = null;
        var editor = Render<DockerfileEditor>(p => p.Add(c => c.Text, "FROM a").Add(c => c.TextChanged, t => text = t));

        editor.Find("textarea").Input("FROM a\nRUN b\nCOPY . .");

        Assert.Equal("FROM a\nRUN b\nCOPY . .", text);
        Assert.StartsWith("1\n2\n3\n", editor.Find(".df-gutter").TextContent, StringComparison.Ordinal);
    }
}
