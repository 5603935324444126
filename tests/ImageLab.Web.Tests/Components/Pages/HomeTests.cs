using Bunit;
using ImageLab.Core.Experiments;
using ImageLab.Web.Components.Pages.History;
using ImageLab.Web.Tests.Components.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Web.Tests.Components.Pages;

public class HomeTests : ImageLabTestContext
{
    private void Seed(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            Queries.Summaries.Add(new ExperimentSummary(
                i, $"experiment {i}", i % 2 == 0 ? "api" : "worker", i % 3 == 0 ? "bob" : "ada",
                i % 5 == 0 ? ExperimentStatus.Failed : ExperimentStatus.Succeeded, Ladder.Created.AddMinutes(i), 5,
                Ladder.Naive, Ladder.Cleaned, StatusRules.ReductionPercent(Ladder.Naive, Ladder.Cleaned)));
        }
    }

    [Fact]
    public void Render_NoExperiments_SaysWhatToDo()
    {
        RenderPopovers();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("No experiments yet", page.Markup, StringComparison.Ordinal));
        Assert.Contains("/experiments/new?sample=python-offline", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MeasuredExperiment_RowNamesTheEngine()
    {
        Queries.Summaries.Add(new ExperimentSummary(
            1, "on the new engine", "api", "ada", ExperimentStatus.Succeeded, Ladder.Created, 2, Ladder.Naive, Ladder.Cleaned,
            StatusRules.ReductionPercent(Ladder.Naive, Ladder.Cleaned))
        {
            MeasuredOn = "Docker 28.5.2 · containerd image store",
        });
        Queries.Summaries.Add(new ExperimentSummary(
            2, "still queued", "api", "ada", ExperimentStatus.Queued, Ladder.Created.AddMinutes(1), 2, null, null, null));
        RenderPopovers();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.history-row").Count));
        Assert.Equal("Docker 28.5.2 · containerd image store", Assert.Single(page.FindAll(".history-engine")).TextContent);
    }

    [Fact]
    public void Render_ManyExperiments_AsksTheServerForOnePageNewestFirst()
    {
        Seed(45);
        RenderPopovers();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll(".history-name").Count));
        Assert.Equal("experiment 45", page.FindAll(".history-name")[0].TextContent);
        Assert.Equal((1, 20), (Queries.Filters[^1].PageNumber, Queries.Filters[^1].PageSize));
        var row = page.FindAll("tr.history-row")[0];
        Assert.Contains("96% smaller", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1.17 GB", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("by bob", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Pager_OlderThenOldestThenNewer_AsksByKeysetAndCountsTheRows()
    {
        // Arrange
        Seed(45);
        RenderPopovers();
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal("1–20 of 45", page.Find(".history-range").TextContent));

        // Act and assert: each step asks the server for the rows beside the shown ones, never by a page number.
        page.Find("[data-page=next]").Click();
        page.WaitForAssertion(() => Assert.Equal("21–40 of 45", page.Find(".history-range").TextContent));
        Assert.Equal(26, Queries.Filters[^1].OlderThan!.Id);
        Assert.Equal("experiment 25", page.FindAll(".history-name")[0].TextContent);

        page.Find("[data-page=last]").Click();
        page.WaitForAssertion(() => Assert.Equal("26–45 of 45", page.Find(".history-range").TextContent));
        Assert.True(Queries.Filters[^1].Oldest);
        Assert.Equal("experiment 1", page.FindAll(".history-name")[^1].TextContent);
        Assert.True(page.Find("[data-page=next]").HasAttribute("disabled"));

        page.Find("[data-page=previous]").Click();
        page.WaitForAssertion(() => Assert.Equal("6–25 of 45", page.Find(".history-range").TextContent));
        Assert.Equal(20, Queries.Filters[^1].NewerThan!.Id);
        Assert.Equal("experiment 40", page.FindAll(".history-name")[0].TextContent);
    }

    [Fact]
    public void Render_ProjectInTheAddress_FiltersOnTheServer()
    {
        Seed(10);
        RenderPopovers();
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/?project=api");

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".history-name").Count));
        Assert.Equal("api", Queries.Filters[^1].Project);
    }

    [Fact]
    public void Render_Trend_PointsOpenTheirExperiments()
    {
        Seed(3);
        Queries.Trend.Add(new TrendPoint(2, "experiment 2", Ladder.Created, "5-cleaned", Ladder.Cleaned));
        Queries.Trend.Add(new TrendPoint(3, "experiment 3", Ladder.Created.AddDays(1), "5-cleaned", 40_000_000));
        RenderPopovers();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("a.trend-point").Count));
        Assert.Equal("/experiments/3", page.FindAll("a.trend-point")[1].GetAttribute("href"));
    }

    [Fact]
    public void Render_StoreFails_ShowsTheReasonInWords()
    {
        Queries.Failure = new InvalidOperationException("connection refused");
        RenderPopovers();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("could not be read: connection refused", page.Markup, StringComparison.Ordinal));
    }
}
