using Bunit;
using ImageLab.Web.Components.Pages.Experiments;
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

    private static IRenderedComponent<Microsoft.AspNetCore.Components.Forms.InputFile> Input(IRenderedComponent<NewExperiment> page, string id) =>
        page.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>().Single(c => Equals(c.Instance.AdditionalAttributes?["id"], id));

    [Fact]
    public void ChooseFolder_WithDockerIgnore_AddsFilesAtTheirPathsAndSaysWhatWasLeftOut()
    {
        var module = JSInterop.SetupModule("./assets/folder-drop.js");
        module.Setup<string[]>("contextPaths", _ => true).SetResult([".dockerignore", "Dockerfile.v1", "svc/Dockerfile.v2", "svc/main.py", "debug.log"]);
        var page = RenderPage();

        Input(page, "context-folder").UploadFiles(
            InputFileContent.CreateFromText("*.log\n", ".dockerignore"),
            InputFileContent.CreateFromText("FROM scratch\n", "Dockerfile.v1"),
            InputFileContent.CreateFromText("FROM scratch\nCOPY main.py /\n", "Dockerfile.v2"),
            InputFileContent.CreateFromText("print(1)\n", "main.py"),
            InputFileContent.CreateFromText("noise\n", "debug.log"));

        page.WaitForAssertion(() => Assert.Equal(["v1", "v2"], page.FindAll("[data-iteration-draft]").Select(d => d.GetAttribute("data-iteration-draft"))));
        Assert.Contains("svc/Dockerfile.v2", page.Markup, StringComparison.Ordinal);
        Assert.Single(page.FindAll("[data-file='svc/main.py']"));
        Assert.Empty(page.FindAll("[data-file='debug.log']"));
        Assert.Equal("1", page.Find("[data-left-out]").GetAttribute("data-left-out"));
        Assert.Single(module.Invocations, i => i.Identifier == "contextPaths");
    }

    [Fact]
    public void DropArchive_Dockerfiles_ShowAsEditableIterations()
    {
        var archive = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(archive, leaveOpen: true))
        {
            foreach (var (path, text) in new[] { ("Dockerfile.v1", "FROM scratch\nCOPY a /\n"), ("Dockerfile.v2", "FROM scratch\n"), ("a", "x") })
            {
                writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, path) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) });
            }
        }

        var page = RenderPage();

        Input(page, "context-files").UploadFiles(InputFileContent.CreateFromBinary(archive.ToArray(), "context.tar"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-iteration-draft]").Count));
        Assert.Equal(2, page.FindAll("[data-archive-state=archive]").Count);
        var names = page.FindAll("input[data-field=iteration-name]");
        Assert.Equal(2, names.Count);
        Assert.All(names, input => Assert.False(input.HasAttribute("disabled")));
        Assert.False(page.Find("[data-action=add-iteration]").HasAttribute("disabled"));
        Assert.Contains("FROM scratch", page.Find("[data-iteration-draft=v2]").TextContent, StringComparison.Ordinal);

        page.Find("[data-iteration-draft=v1] input[data-field=iteration-name]").Input("first");
        page.WaitForAssertion(() => Assert.Equal("renamed", page.Find("[data-iteration-draft=first] [data-archive-state]").GetAttribute("data-archive-state")));
        Assert.Equal("archive", page.Find("[data-iteration-draft=v2] [data-archive-state]").GetAttribute("data-archive-state"));
    }
}
