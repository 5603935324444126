using Bunit;
using ImageLab.Core.Advice;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;
using ImageLab.Web.Components.Pages.Advisor;
using ImageLab.Web.Tests.Components;

namespace ImageLab.Web.Tests.Advisor;

public sealed class AdvisorComponentTests : ImageLabTestContext
{
    [Fact]
    public void FindingsList_MixedFindings_SortsByBytesAtStakeThenSeverity()
    {
        // Arrange
        IReadOnlyList<Finding> findings =
        [
            new("IL010", FindingSeverity.Warning, 1, "Unpinned.", "Pin it."),
            new("DL3059", FindingSeverity.Info, 5, "Merge RUNs.", "Merge them.") { BytesAtStake = 2_000_000 },
            new("DL3042", FindingSeverity.Warning, 8, "pip cache.", "--no-cache-dir.") { BytesAtStake = 148_000_000 },
        ];

        // Act
        var cut = Render<FindingsList>(p => p.Add(c => c.Findings, findings));

        // Assert
        Assert.Equal(["DL3042", "DL3059", "IL010"], cut.FindAll("li.finding").Select(li => li.GetAttribute("data-rule")));
        Assert.Equal("148 MB", cut.Find("li.finding [data-bytes]").TextContent);
    }

    [Fact]
    public void FindingsList_NoFindings_SaysSo()
    {
        // Act
        var cut = Render<FindingsList>(p => p.Add(c => c.Findings, []));

        // Assert
        Assert.Contains("No findings", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void LessonScorecardView_TwoIterations_RowPerQuestionColumnPerIteration()
    {
        // Arrange
        IReadOnlyList<ScorecardColumn> columns =
        [
            new("1. naive", LessonScorecard.Evaluate("FROM python:3.12\nRUN pip install flask\n")),
            new("2. staged", LessonScorecard.Evaluate("FROM python:3.12-slim AS b\nRUN pip install --no-cache-dir flask\nFROM python:3.12-slim\nCOPY --from=b /usr/local /usr/local\n")),
        ];

        // Act
        var cut = Render<LessonScorecardView>(p => p.Add(c => c.Columns, columns));

        // Assert
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(LessonQuestions.All.Count, rows.Count);
        var stages = cut.Find($"tr[data-question='{LessonQuestion.MultiStage}']");
        Assert.Equal(["Fail", "Pass"], stages.QuerySelectorAll("[data-outcome]").Select(c => c.GetAttribute("data-outcome")));
        Assert.Contains("single stage", stages.QuerySelector("[data-outcome='Fail']")!.GetAttribute("title"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DockerfileDiffView_ChangedBase_HighlightsRowAndShowsLayerDelta()
    {
        // Arrange
        var change = IterationChange.Compare(
            "FROM python:3.12\nCOPY app.py .\n", [Layer(0, null, 900_000_000, true), Layer(1, 2, 5_000, false)],
            "FROM python:3.12-slim\nCOPY app.py .\n", [Layer(0, null, 120_000_000, true), Layer(1, 2, 5_000, false)]);

        // Act
        var cut = Render<DockerfileDiffView>(p => p.Add(c => c.Change, change).Add(c => c.BeforeTitle, "naive").Add(c => c.AfterTitle, "slim"));

        // Assert
        var rows = cut.FindAll("tr.diff-row");
        Assert.Equal(["Changed", "Unchanged"], rows.Select(r => r.GetAttribute("data-kind")));
        Assert.Contains("diff-changed", rows[0].ClassList);
        Assert.Equal("-780000000", rows[0].QuerySelector(".diff-delta [data-bytes]")!.GetAttribute("data-bytes"));
        Assert.Equal("−780 MB", rows[0].QuerySelector(".diff-delta [data-bytes]")!.TextContent);
        Assert.Null(rows[1].QuerySelector(".diff-delta [data-bytes]"));
    }

    private static LayerDetails Layer(int index, int? line, long size, bool fromBase) =>
        new(index, $"sha256:{index}", "x", size, DateTimeOffset.UnixEpoch, "", size == 0, fromBase, fromBase ? null : "COPY", line);
}
