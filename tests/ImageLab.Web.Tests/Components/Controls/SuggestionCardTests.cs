using Bunit;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;
using ImageLab.Web.Components.Controls;
using ImageLab.Web.Components.Pages.Experiments;
using ImageLab.Web.Tests.Components.Fakes;
using ImageLab.Web.ViewModels;
using MudBlazor;

namespace ImageLab.Web.Tests.Components.Controls;

/// <summary>The suggestion on the experiment page: the action on iterations with findings, and a suggested iteration's proof on its card.</summary>
public class SuggestionCardTests : ImageLabTestContext
{
    [Fact]
    public void IterationCard_SuggestedIteration_ShowsSourceTransformationsMeasuredSavingsWhatTheyWereMeasuredOnAndDroppedReasons()
    {
        // Arrange
        var experiment = Suggestions.Experiment();

        // Act
        var card = RenderCard(experiment);

        // Assert
        Assert.Contains("Suggested from #1 (1-naive)", card.Find(".suggestion-from").TextContent, StringComparison.Ordinal);
        var rows = card.FindAll("tr.transformation");
        Assert.Equal(["apt-no-install-recommends", "apt-lists-cleanup", "smaller-base"], rows.Select(r => r.GetAttribute("data-transformation")));
        Assert.Equal(["Measured", "Measured", "Dropped"], rows.Select(r => r.GetAttribute("data-status")));
        var apt = card.Find("tr[data-transformation='apt-no-install-recommends'] [data-saved-bytes]");
        Assert.Equal(Suggestions.AptSaving.ToString(System.Globalization.CultureInfo.InvariantCulture), apt.GetAttribute("data-saved-bytes"));
        Assert.Equal("−150 MB", apt.TextContent);
        Assert.Contains("150,123,456 bytes smaller (uncompressed", apt.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(card.FindAll("tr[data-transformation='apt-no-install-recommends'] [data-on-top-of]"));
        var cleanup = card.Find("tr[data-transformation='apt-lists-cleanup'] [data-saved-bytes]");
        Assert.Equal("+4.1 kB", cleanup.TextContent);
        Assert.StartsWith("Built on top of apt-no-install-recommends on #1 (1-naive), the image is 4,096 bytes larger than with apt-no-install-recommends alone",
            cleanup.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("on top of apt-no-install-recommends", card.Find("tr[data-transformation='apt-lists-cleanup'] [data-on-top-of]").TextContent);
        Assert.Contains("Measured, uncompressed", card.Find(".suggestion-transformations thead").TextContent, StringComparison.Ordinal);
        var dropped = card.Find("tr[data-reason-for='smaller-base'] details");
        Assert.Contains("Dropped: its own build failed: cp: cannot stat", dropped.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("exit code 1", dropped.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("tr[data-transformation='smaller-base'] [data-saved-bytes]"));
    }

    [Fact]
    public void IterationCard_SuggestionStillBuilding_TransformationsWaitAndTheDiffIsFolded()
    {
        // Arrange
        var pending = Suggestions.Proven.Select(t => t with { Status = TransformationStatus.Pending, SavedBytes = null, Reason = null }).ToList();
        var experiment = Suggestions.Experiment(IterationStatus.Building, pending);

        // Act
        var card = RenderCard(experiment);

        // Assert
        Assert.All(card.FindAll(".transformation-status"), s => Assert.Equal("waiting for its build", s.TextContent));
        Assert.Empty(card.FindAll("[data-saved-bytes]"));
        var diff = card.Find("details.suggestion-diff");
        Assert.False(diff.HasAttribute("open"));
        Assert.Equal(["Added", "Added", "Removed"], card.FindAll(".line-diff-row:not(.is-same):not(.is-fold)").Select(r => r.GetAttribute("data-kind")).Order());
    }

    [Theory]
    [InlineData(null, "not-run", "Builds, not run")]
    [InlineData(SuggestionCheckStatus.NotRun, "not-run", "Builds, not run")]
    [InlineData(SuggestionCheckStatus.Waiting, "waiting", "Check waiting: hello --greet runs")]
    [InlineData(SuggestionCheckStatus.Passed, "passed", "Check passed: hello --greet ran in the suggested image and printed “Hello”")]
    [InlineData(SuggestionCheckStatus.Failed, "failed", "Check failed: exit code 127. Failing on their own: smaller-base.")]
    public void IterationCard_CheckState_SaysWhetherTheImageStillDoesItsJob(SuggestionCheckStatus? status, string kind, string text)
    {
        // Arrange
        var check = status is { } s
            ? new SuggestionCheck(s, ["hello", "--greet"], "Hello", "Hello", s == SuggestionCheckStatus.Failed ? "sh: hello: not found" : "Hello",
                s == SuggestionCheckStatus.Failed ? ["smaller-base"] : [], s == SuggestionCheckStatus.Failed ? "exit code 127." : null)
            : null;

        // Act
        var card = RenderCard(Suggestions.Experiment(check: check));

        // Assert
        var shown = card.Find(".suggestion-check");
        Assert.Equal(kind, shown.GetAttribute("data-check"));
        Assert.Contains(text, shown.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImageLabRoles.Member, 5)]
    [InlineData(ImageLabRoles.Admin, 5)]
    [InlineData(ImageLabRoles.Viewer, 0)]
    public void ExperimentPage_IterationsWithFindings_SuggestActionForBuildersOnly(string role, int actions)
    {
        // Arrange: the ladder's five Dockerfiles install with apt-get without --no-install-recommends.
        SignInAs("someone", role);
        Queries.Experiments[7] = Suggestions.Experiment();

        // Act
        var page = RenderBuilds();

        // Assert
        Assert.Equal(actions, page.FindAll("[data-action=suggest]").Count);
        Assert.Equal(6, page.FindAll(".iteration-card").Count);
        Assert.Single(page.FindAll(".iteration-card.is-suggestion [data-action=copy-patch]"));
        Assert.Equal("/api/experiments/7/iterations/106/patch", page.Find(".iteration-card.is-suggestion [data-action=download-patch]").GetAttribute("href"));
    }

    [Theory]
    [InlineData(120L * 1024 * 1024, 1)]
    [InlineData(2L * 1024 * 1024, 0)]
    public void ExperimentPage_NoFindingButALargeLayerCopiedFromTheContext_SuggestActionOffered(long copiedBytes, int actions)
    {
        // Arrange: the Dockerfile alone says nothing; its measured COPY layer may hold large files it never uses.
        const string Dockerfile = "FROM busybox:1.36\nCOPY . /app\nCMD [\"ls\", \"/app\"]\n";
        Assert.Empty(new ImageLab.Core.Dockerfiles.DockerfileAdvisor().Analyze(Dockerfile).Findings);
        var ladder = Ladder.Finished();
        var copy = new LayerDetails(1, "sha256:0123456789abcdef0123", "COPY . /app # buildkit", copiedBytes, DateTimeOffset.UnixEpoch, "", false, false, "COPY . /app", 2);
        Queries.Experiments[7] = ladder with { Iterations = [ladder.Iterations[0] with { DockerfileText = Dockerfile, Layers = [copy] }] };

        // Act
        var page = RenderBuilds();

        // Assert
        Assert.Equal(actions, page.FindAll("[data-action=suggest]").Count);
    }

    [Fact]
    public void ExperimentPage_NoRewriteApplies_RefusalSentenceInASnackbar()
    {
        // Arrange: two RUNs in a row are a finding, but no rewrite joins RUNs that do not delete what the other made.
        var ladder = Ladder.Finished();
        Queries.Experiments[7] = ladder with { Iterations = [ladder.Iterations[0] with { DockerfileText = "FROM busybox:1.36\nRUN mkdir /a\nRUN mkdir /b\n" }] };
        var snackbars = Render<MudSnackbarProvider>();
        var page = RenderBuilds();

        // Act
        page.Find("[data-action=suggest]").Click();

        // Assert
        snackbars.WaitForAssertion(() => Assert.Contains("No transformation applies to iteration 1 (1-naive)", snackbars.Markup, StringComparison.Ordinal));
        Assert.Single(Queries.Experiments[7].Iterations);
    }

    [Fact]
    public void ExperimentPage_CopyPatch_CopiesTheUseCasesPatch()
    {
        // Arrange
        var experiment = Suggestions.Experiment();
        Queries.Experiments[7] = experiment;
        var copy = JSInterop.Setup<bool>("imageLab.copyText", _ => true);
        copy.SetResult(true);
        var snackbars = Render<MudSnackbarProvider>();
        var page = RenderBuilds();

        // Act
        page.Find("[data-action=copy-patch]").Click();

        // Assert: the click fetches the patch first, so the copy lands when that answers (late on a loaded machine).
        var naive = experiment.Iterations[0];
        page.WaitForAssertion(() => copy.VerifyInvoke("imageLab.copyText"));
        Assert.Equal(SuggestionPatch.Create(naive.Dockerfile, naive.DockerfileText, Suggestions.SuggestedText), copy.Invocations.Single().Arguments.Single());
        snackbars.WaitForAssertion(() => Assert.Contains("Patch copied", snackbars.Markup, StringComparison.Ordinal));
    }

    private IRenderedComponent<IterationCard> RenderCard(ExperimentDetails experiment)
    {
        var suggested = experiment.Iterations[^1];
        return Render<IterationCard>(p => p
            .Add(c => c.State, new IterationLiveState(suggested))
            .Add(c => c.ExperimentId, experiment.Id)
            .Add(c => c.Source, experiment.Iterations.Single(i => i.Id == suggested.SuggestedFrom)));
    }

    private IRenderedComponent<ExperimentPage> RenderBuilds()
    {
        RenderPopovers();
        var page = Render<ExperimentPage>(p => p.Add(c => c.Id, 7));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-tab")));
        page.FindAll(".mud-tab").First(t => t.TextContent.Contains("Builds", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".iteration-card")));
        return page;
    }
}
