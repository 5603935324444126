using Bunit;
using ImageLab.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Web.Tests.Components.Pages;

public class NewExperimentTests : ImageLabTestContext
{
    private IRenderedComponent<NewExperiment> RenderPage()
    {
        RenderPopovers();
        return Render<NewExperiment>();
    }

    private static void Click(IRenderedComponent<NewExperiment> page, string action) => page.Find($"[data-action={action}]").Click();

    [Fact]
    public void Submit_EmptyDraft_ShowsProblemsInWordsAndSendsNothing()
    {
        var page = RenderPage();

        Click(page, "submit");

        var summary = page.Find("[data-problem=summary]").TextContent;
        Assert.Contains("Choose a project", summary, StringComparison.Ordinal);
        Assert.Contains("Add at least one Dockerfile", summary, StringComparison.Ordinal);
        Assert.Empty(Commands.Submitted);
    }

    [Fact]
    public void TrySample_OneClick_LoadsTheLadderInOrder()
    {
        var page = RenderPage();

        Click(page, "try-sample");

        page.WaitForAssertion(() => Assert.Equal(
            ["1-naive", "2-slim", "3-multistage", "4-minimal", "5-cleaned"],
            page.FindAll("[data-iteration-draft]").Select(d => d.GetAttribute("data-iteration-draft"))));
        Assert.Contains("Build 5 iterations", page.Find("[data-action=submit]").TextContent, StringComparison.Ordinal);
        Assert.Contains("main.py", page.Find("[data-file='main.py']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_Sample_SendsTheContextAndOpensTheExperiment()
    {
        var page = RenderPage();
        Click(page, "try-sample");
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-iteration-draft]").Count));

        Click(page, "submit");

        page.WaitForAssertion(() => Assert.Single(Commands.Submitted));
        var (submission, paths) = Commands.Submitted[0];
        Assert.Equal("python-offline", submission.Project);
        Assert.Equal(["1-naive", "2-slim", "3-multistage", "4-minimal", "5-cleaned"], submission.Iterations.Select(i => i.Name));
        Assert.Contains("main.py", paths);
        Assert.Contains("packages.txt", paths);
        Assert.EndsWith("/experiments/42", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_PastedIterationWithoutFrom_SaysSoBesideIt()
    {
        var page = RenderPage();
        Click(page, "add-iteration");

        page.Find(".iteration-draft textarea").Input("RUN echo hello");

        Assert.Contains("'iteration-1', line 1: RUN comes before", page.Find("[data-problem=iteration]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Reorder_MoveDown_ChangesTheBaseline()
    {
        var page = RenderPage();
        Click(page, "try-sample");
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-iteration-draft]").Count));

        page.Find("button[aria-label='Move 1-naive down']").Click();

        page.WaitForAssertion(() => Assert.Equal("2-slim", page.FindAll("[data-iteration-draft]")[0].GetAttribute("data-iteration-draft")));
    }
}
