using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// New experiment in Chromium: a folder chosen or dropped brings its files at their paths (its .dockerignore
/// honoured), and an archive's Dockerfiles are edited before sending, the build getting the edited text.
/// </summary>
public sealed class NewExperimentContextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("imagelab-e2e-context-").FullName;

    private string Write(string path, string text)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    [Fact]
    public async Task Folder_ChosenAndDropped_AddsFilesAtTheirPathsHonouringDockerIgnore()
    {
        Write("ctx/.dockerignore", "*.log\n");
        Write("ctx/Dockerfile.v1", "FROM busybox:1.36\n");
        Write("ctx/svc/Dockerfile.v2", "FROM busybox:1.36\nCOPY main.py /\n");
        Write("ctx/svc/main.py", "print(1)\n");
        Write("ctx/debug.log", "noise\n");
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/experiments/new");
        await Assertions.Expect(page.Locator("[data-drop-zone][data-folder-drop=on]")).ToHaveCountAsync(1);

        // Chosen with the folder input (webkitdirectory): paths inside the chosen folder.
        await page.Locator("#context-folder").SetInputFilesAsync(Path.Combine(_folder, "ctx"));
        await Assertions.Expect(page.Locator("[data-iteration-draft]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-file='svc/main.py']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-file='debug.log']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-left-out='1']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("svc/Dockerfile.v2")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "13-new-experiment-folder");

        // Dropped on the zone: a folder "dropped" holding a Dockerfile and app/x.py, as the browser's entries API gives it.
        await page.Locator("[data-action=add-iteration]").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("""
            () => {
              const file = (dir, name, text) => {
                const f = new File([text], name);
                return { isFile: true, isDirectory: false, name, fullPath: dir + '/' + name, file: (ok) => ok(f) };
              };
              const folder = (fullPath, children) => ({
                isFile: false, isDirectory: true, fullPath,
                createReader: () => { let given = false; return { readEntries: (ok) => { ok(given ? [] : children); given = true; } }; },
              });
              const root = folder('/dropped', [file('/dropped', 'Dockerfile.v3', 'FROM busybox:1.36\n'), folder('/dropped/app', [file('/dropped/app', 'x.py', 'print(2)\n')])]);
              const event = new Event('drop', { bubbles: true, cancelable: true });
              Object.defineProperty(event, 'dataTransfer', { value: { items: [{ kind: 'file', webkitGetAsEntry: () => root }] } });
              document.querySelector('#context-files').dispatchEvent(event);
            }
            """);
        await Assertions.Expect(page.Locator("[data-file='app/x.py']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-iteration-draft=v3]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-iteration-draft]")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Archive_DockerfileEditedRenamedAndReordered_BuildUsesTheEditedText()
    {
        var archive = Path.Combine(_folder, "context.tar.gz");
        using (var gzip = new GZipStream(File.Create(archive), CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (path, text) in new[] { ("Dockerfile.v1", "FROM busybox:1.36\nCOPY a /a\n"), ("Dockerfile.v2", "FROM busybox:1.36\n"), ("a", "x\n") })
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            }
        }

        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/experiments/new");
        await Assertions.Expect(page.Locator("[data-drop-zone][data-folder-drop=on]")).ToHaveCountAsync(1);

        await page.Locator("#context-files").SetInputFilesAsync(archive);
        await Assertions.Expect(page.Locator("[data-archive-state=archive]")).ToHaveCountAsync(2);

        // Edit v2, rename v1 and move v2 first.
        var v2 = page.Locator("[data-iteration-draft=v2]");
        await v2.GetByRole(AriaRole.Button, new() { Name = "Edit v2" }).ClickAsync();
        await v2.Locator("textarea.df-input").FillAsync("FROM busybox:1.36\nCOPY a /edited\n");
        await Assertions.Expect(v2.Locator("[data-archive-state=edited]")).ToBeVisibleAsync();
        await v2.GetByRole(AriaRole.Button, new() { Name = "Move v2 up" }).ClickAsync();
        var v1 = page.Locator("[data-iteration-draft=v1]");
        await v1.Locator("input").First.FillAsync("first");
        await Assertions.Expect(page.Locator("[data-iteration-draft=first]")).ToContainTextAsync("Dockerfile.first");
        await Assertions.Expect(page.Locator("[data-iteration-draft=first] [data-archive-state=renamed]")).ToBeVisibleAsync();
        // Rows are keyed: a rename typed while the move is still being drawn lands on the row it was typed in.
        await Assertions.Expect(page.Locator("[data-iteration-draft]")).ToHaveCountAsync(2);
        Assert.Equal(["v2", "first"], await page.Locator("[data-iteration-draft]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.iterationDraft)"));
        await page.Locator("input[data-field=project], [data-field=project] input").First.FillAsync("archive-edit");
        await page.Keyboard.PressAsync("Escape");
        await BrowserSession.ScreenshotAsync(page, "14-new-experiment-archive-edited");
        await page.Locator("[data-action=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/experiments/\d+$"));
        var id = long.Parse(Regex.Match(page.Url, @"/experiments/(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);

        using var details = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/experiments/{id}", UriKind.Relative)));
        var iterations = details.RootElement.GetProperty("iterations").EnumerateArray()
            .Select(i => (i.GetProperty("name").GetString(), i.GetProperty("dockerfileText").GetString())).ToList();
        Assert.Equal([("v2", "FROM busybox:1.36\nCOPY a /edited\n"), ("first", "FROM busybox:1.36\nCOPY a /a\n")], iterations);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
