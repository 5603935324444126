using Bunit;
using ImageLab.Core.Experiments;
using ImageLab.Web.Components.Controls;
using ImageLab.Web.Components.Pages.Experiments;
using ImageLab.Web.Tests.Components.Fakes;

namespace ImageLab.Web.Tests.Components.Pages;

public class ExperimentPageTests : ImageLabTestContext
{
    private IRenderedComponent<ExperimentPage> RenderPage(long id = 7)
    {
        RenderPopovers();
        return Render<ExperimentPage>(p => p.Add(c => c.Id, id));
    }

    [Fact]
    public void Render_QueuedExperiment_OneCardPerIterationWaitingForTheBuilder()
    {
        Queries.Experiments[7] = Ladder.Queued();

        var page = RenderPage();

        var cards = page.FindAll(".iteration-card");
        Assert.Equal(5, cards.Count);
        Assert.All(cards, c => Assert.Equal("Queued", c.QuerySelector(".status-chip")!.GetAttribute("data-status")));
        Assert.Contains("Waiting for the builder", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(5, page.FindAll("button[aria-label^='Cancel ']").Count);
    }

    [Fact]
    public void LiveEvents_Arriving_MoveTheCardAndStreamTheLog()
    {
        Queries.Experiments[7] = Ladder.Queued();
        var page = RenderPage();
        Feed.WaitForWatchers(1);

        Feed.Publish(7, 101, BuildEventType.Status, IterationStatus.Building);
        Feed.Publish(7, 101, BuildEventType.StepStarted, step: 1, totalSteps: 6, text: "FROM python:3.11-bookworm");
        Feed.Publish(7, 101, BuildEventType.StepCompleted, step: 1, totalSteps: 6, cached: true);
        Feed.Publish(7, 101, BuildEventType.StepStarted, step: 2, totalSteps: 6, text: "RUN apt-get update");
        Feed.Publish(7, 101, BuildEventType.Log, text: "\u001b[1;34mGet:1\u001b[0m http://mirror.example/debian bookworm InRelease");

        page.WaitForAssertion(() =>
        {
            var card = page.Find(".iteration-card[data-iteration='1-naive']");
            Assert.Equal("Building", card.QuerySelector(".status-chip")!.GetAttribute("data-status"));
            Assert.Equal("1/6", card.QuerySelector("[data-steps]")!.GetAttribute("data-steps"));
            Assert.Contains("Step 2/6", card.TextContent, StringComparison.Ordinal);
            Assert.Contains("1 cached", card.TextContent, StringComparison.Ordinal);
            Assert.Contains("RUN apt-get update", card.TextContent, StringComparison.Ordinal);
            var line = page.Find(".log-line");
            Assert.Equal("Get:1", line.QuerySelector(".ansi-fg-4.ansi-bold")!.TextContent);
            Assert.DoesNotContain('\u001b', page.Markup);
        });
    }

    [Fact]
    public void LiveEvents_OnlyLogLines_RenderTheLogAloneNotThePage()
    {
        Queries.Experiments[7] = Ladder.Queued();
        var page = RenderPage();
        Feed.WaitForWatchers(1);
        Feed.Publish(7, 101, BuildEventType.Status, IterationStatus.Building);
        Feed.Publish(7, 101, BuildEventType.Log, text: "first line");
        page.WaitForAssertion(() => Assert.Contains("first line", page.Find(".log-body").TextContent, StringComparison.Ordinal));
        // The cards render whenever the page does (their parameters are objects): they count the page's renders.
        var log = page.FindComponent<LogViewer>();
        var card = page.FindComponents<IterationCard>()[0];
        var cardRenders = card.RenderCount;
        var logRenders = log.RenderCount;

        for (var i = 1; i <= 30; i++)
        {
            Feed.Publish(7, 101, BuildEventType.Log, text: $"line {i}");
        }

        page.WaitForAssertion(() => Assert.Contains("line 30", page.Find(".log-body").TextContent, StringComparison.Ordinal));
        Assert.Equal(cardRenders, card.RenderCount);
        Assert.True(log.RenderCount > logRenders, "The log viewer should render the new lines.");
    }

    [Fact]
    public void LiveEvents_IterationSucceeds_ReadsSizesFromTheStore()
    {
        Queries.Experiments[7] = Ladder.Experiment(7, ExperimentStatus.Running, i => i == 0 ? IterationStatus.Building : IterationStatus.Queued);
        var page = RenderPage();
        Feed.WaitForWatchers(1);

        Queries.Experiments[7] = Ladder.Experiment(7, ExperimentStatus.Running, i => i == 0 ? IterationStatus.Succeeded : IterationStatus.Queued);
        Feed.Publish(7, 101, BuildEventType.Status, IterationStatus.Succeeded);

        page.WaitForAssertion(() =>
        {
            var card = page.Find(".iteration-card[data-iteration='1-naive']");
            Assert.Equal("Succeeded", card.QuerySelector(".status-chip")!.GetAttribute("data-status"));
            Assert.Equal("1,171,234,567 bytes", card.QuerySelector("[data-bytes]")!.GetAttribute("title"));
            Assert.Contains("baseline", card.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void LiveEvents_IterationAppendedElsewhere_ShowsItsCardWithoutReload()
    {
        // Arrange: this page is open while another one asks for a suggestion.
        var before = Ladder.Experiment(7, ExperimentStatus.Running, i => i == 4 ? IterationStatus.Building : IterationStatus.Succeeded);
        Queries.Experiments[7] = before;
        var page = RenderPage();
        page.Find(".iteration-card[data-iteration='5-cleaned']");
        Assert.Empty(page.FindAll(".iteration-card.is-suggestion"));
        Feed.WaitForWatchers(1);

        // Act: the store has it, and the append's queued status is its first event.
        Queries.Experiments[7] = before with { Iterations = [.. before.Iterations, Suggestions.Experiment(IterationStatus.Queued).Iterations[^1]] };
        Feed.Publish(7, Suggestions.SuggestedId, BuildEventType.Status, IterationStatus.Queued);

        // Assert
        page.WaitForAssertion(() =>
        {
            var card = page.Find(".iteration-card.is-suggestion");
            Assert.Equal(Suggestions.SuggestedId.ToString(System.Globalization.CultureInfo.InvariantCulture), card.GetAttribute("data-iteration-id"));
            Assert.Equal("Queued", card.QuerySelector(".status-chip")!.GetAttribute("data-status"));
            Assert.Contains("Suggested from #1 (1-naive)", card.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void LiveEvents_IterationFails_ShowsTheReasonInWords()
    {
        Queries.Experiments[7] = Ladder.Queued();
        var page = RenderPage();
        Feed.WaitForWatchers(1);

        Feed.Publish(7, 102, BuildEventType.Status, IterationStatus.Building);
        Feed.Publish(7, 102, BuildEventType.Status, IterationStatus.Failed, text: "Step 4 (RUN apt-get install) exited with code 100.");

        page.WaitForAssertion(() =>
        {
            var card = page.Find(".iteration-card[data-iteration='2-slim']");
            Assert.Equal("Failed", card.QuerySelector(".status-chip")!.GetAttribute("data-status"));
            Assert.Contains("exited with code 100", card.QuerySelector(".iteration-reason")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Step 4 (RUN apt-get install) exited with code 100.", card.QuerySelector(".status-chip")!.GetAttribute("title"));
        });
    }

    [Fact]
    public void Reload_StoredEvents_RebuildTheSameStateFromSequenceZero()
    {
        Queries.Experiments[7] = Ladder.Queued();
        Feed.Publish(7, 101, BuildEventType.Status, IterationStatus.Building);
        Feed.Publish(7, 101, BuildEventType.StepStarted, step: 3, totalSteps: 6, text: "COPY main.py .");
        for (var i = 0; i < 3; i++)
        {
            Feed.Publish(7, 101, BuildEventType.StepCompleted, step: i + 1, totalSteps: 6, cached: i < 2);
        }

        Feed.Publish(7, 101, BuildEventType.Log, text: "stored line");

        var page = RenderPage();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(0, Feed.RequestedAfter[0]);
            var card = page.Find(".iteration-card[data-iteration='1-naive']");
            Assert.Equal("3/6", card.QuerySelector("[data-steps]")!.GetAttribute("data-steps"));
            Assert.Contains("2 cached", card.TextContent, StringComparison.Ordinal);
            Assert.Contains("stored line", page.Find(".log-line").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Cancel_ButtonsOfExperimentAndIteration_CallTheCommands()
    {
        Queries.Experiments[7] = Ladder.Queued();
        var page = RenderPage();

        page.Find("button[aria-label='Cancel 3-multistage']").Click();
        page.FindAll("button").First(b => b.TextContent.Contains("Cancel experiment", StringComparison.Ordinal)).Click();

        Assert.Equal([(7L, 103L)], Commands.CancelledIterations);
        Assert.Equal([7L], Commands.CancelledExperiments);
    }

    [Fact]
    public async Task Dispose_Page_StopsWatching()
    {
        Queries.Experiments[7] = Ladder.Queued();
        var page = RenderPage();
        Feed.WaitForWatchers(1);

        await DisposeComponentsAsync();

        Feed.WaitForWatchers(0);
    }

    [Fact]
    public void Render_FinishedExperiment_OpensOnTheComparison()
    {
        Queries.Experiments[7] = Ladder.Finished();

        var page = RenderPage();

        Assert.Contains("1.17 GB → 329 MB (72% smaller)", page.Find(".size-bars").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownExperiment_SaysSoInWords()
    {
        var page = RenderPage(404);

        Assert.Contains("There is no experiment 404", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StoreFails_ShowsAnAlertInWords()
    {
        Queries.Failure = new InvalidOperationException("the database does not answer");

        var page = RenderPage();

        Assert.Contains("Experiment 7 could not be read: the database does not answer", page.Find(".mud-alert").TextContent, StringComparison.Ordinal);
    }
}
