using Bunit;
using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;
using ImageLab.Web.Components.Pages.Analysis;
using ImageLab.Web.Tests.Components.Fakes;

namespace ImageLab.Web.Tests.Components.Pages;

public class ByteAnatomyViewTests : ImageLabTestContext
{
    [Fact]
    public void KindBreakdown_Kinds_OneSegmentPerKindSizedByItsShare()
    {
        var anatomy = AnatomySample.Packages();

        var chart = Render<KindBreakdown>(p => p.Add(c => c.Kinds, anatomy.Kinds).Add(c => c.TotalBytes, anatomy.TotalBytes));

        var segments = chart.FindAll(".kind-segment");
        Assert.Equal(4, segments.Count);
        Assert.Equal("width:75%", segments[0].GetAttribute("style"));
        Assert.Equal("width:15%", segments[1].GetAttribute("style"));
        Assert.Contains("kind-documentation", segments[1].ClassList);
    }

    [Fact]
    public void KindBreakdown_Legend_NamesEachKindWithItsBytesAndTrueShare()
    {
        var anatomy = AnatomySample.Packages();

        var chart = Render<KindBreakdown>(p => p.Add(c => c.Kinds, anatomy.Kinds).Add(c => c.TotalBytes, anatomy.TotalBytes));

        var documentation = chart.Find(".kind-row[data-kind='Documentation']");
        Assert.Equal("Documentation", documentation.QuerySelector(".kind-name")!.TextContent);
        Assert.Equal("30000000", documentation.QuerySelector("[data-bytes]")!.GetAttribute("data-bytes"));
        Assert.Equal("30 MB", documentation.QuerySelector("[data-bytes]")!.TextContent);
        Assert.Equal("15%", documentation.QuerySelector(".kind-share")!.TextContent);
        // 2 kB of 200 MB is 0.001%: never shown as 0%.
        Assert.Equal("0.001%", chart.Find(".kind-row[data-kind='Locales'] .kind-share").TextContent);
    }

    [Fact]
    public void KindBreakdown_ClickARow_ReportsItsKind()
    {
        var anatomy = AnatomySample.Packages();
        ByteKind? picked = null;
        var chart = Render<KindBreakdown>(p => p.Add(c => c.Kinds, anatomy.Kinds).Add(c => c.TotalBytes, anatomy.TotalBytes)
            .Add(c => c.OnSelect, kind => picked = kind));

        chart.Find(".kind-row[data-kind='PackageCaches']").Click();

        Assert.Equal(ByteKind.PackageCaches, picked);
    }

    [Fact]
    public void PackageTable_DebianPackages_ShowVersionBytesLayerAndWhyAptInstalledThem()
    {
        var anatomy = AnatomySample.Packages();

        var table = Render<PackageTable>(p => p.Add(c => c.Packages, anatomy.Packages).Add(c => c.TotalBytes, anatomy.TotalBytes));

        var python = table.Find("tr[data-package='python3.11']");
        Assert.Equal("21456789", python.QuerySelector(".package-bytes")!.GetAttribute("data-bytes"));
        Assert.Equal("21.5 MB", python.QuerySelector(".package-bytes")!.TextContent);
        Assert.Contains("3.11.2-6+deb12u1", python.TextContent, StringComparison.Ordinal);
        Assert.Contains("11%", python.TextContent, StringComparison.Ordinal);
        Assert.Equal("layer 2 RUN apt-get install -y python3", python.QuerySelector(".package-installed-by")!.TextContent.Trim());
        Assert.Equal("RUN apt-get install -y python3", python.QuerySelector(".package-installed-by code")!.TextContent);
        Assert.Equal("dependency of python3", python.QuerySelector(".package-reason")!.TextContent);
        Assert.Equal("requested", table.Find("tr[data-package='curl'] .package-reason").TextContent);
        var recommended = table.Find("tr[data-package='krb5-locales'] .package-reason");
        Assert.Equal("only recommended by libgssapi-krb5-2", recommended.TextContent);
        Assert.Contains("is-recommends-only", recommended.ClassList);
    }

    [Fact]
    public void PackageTable_ClickAName_ReportsThePackage()
    {
        var anatomy = AnatomySample.Packages();
        PackageResponse? picked = null;
        var table = Render<PackageTable>(p => p.Add(c => c.Packages, anatomy.Packages).Add(c => c.TotalBytes, anatomy.TotalBytes)
            .Add(c => c.OnSelect, package => picked = package));

        table.Find("tr[data-package='curl'] .package-name").Click();

        Assert.Equal("curl", picked?.Name);
    }

    [Fact]
    public void UnownedFolders_Folders_ShowBytesFilesAndShare()
    {
        var anatomy = AnatomySample.Packages();
        string? picked = null;
        var folders = Render<UnownedFolders>(p => p.Add(c => c.Folders, anatomy.Unowned).Add(c => c.TotalBytes, anatomy.TotalBytes)
            .Add(c => c.OnSelect, folder => picked = folder));

        var app = folders.Find("tr[data-folder='/app']");
        app.QuerySelector(".folder-name")!.Click();

        Assert.Equal("60000000", app.QuerySelector(".folder-bytes")!.GetAttribute("data-bytes"));
        Assert.Contains("2 files", app.TextContent, StringComparison.Ordinal);
        Assert.Contains("30%", app.TextContent, StringComparison.Ordinal);
        Assert.Equal("/app", picked);
    }

    [Fact]
    public void AnatomyFiles_PackageFiles_ListPathBytesLayerAndKind()
    {
        var files = Render<AnatomyFiles>(p => p.Add(c => c.Files, AnatomySample.PythonFiles()).Add(c => c.Title, "dpkg package python3.11 3.11.2-6")
            .Add(c => c.Layers, AnatomySample.Layers));

        var rows = files.FindAll("tr[data-path]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("/usr/lib/python3.11/config-3.11-x86_64-linux-gnu/libpython3.11.a", rows[0].GetAttribute("data-path"));
        Assert.Equal("15000000", rows[0].QuerySelector("[data-bytes]")!.GetAttribute("data-bytes"));
        Assert.Equal("layer 2 RUN apt-get install -y python3", rows[0].QuerySelector(".file-layer")!.TextContent.Trim());
        Assert.Equal("Static libraries and headers", rows[0].QuerySelector(".file-kind")!.TextContent);
        Assert.Contains("1,234 files, the largest 2 shown", files.Find(".anatomy-files-head").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnatomyFiles_FilesOfAKind_NameTheirPackageInsteadOfTheKind()
    {
        var files = Render<AnatomyFiles>(p => p.Add(c => c.Files, AnatomySample.PythonFiles()).Add(c => c.Title, "Static libraries and headers")
            .Add(c => c.Layers, AnatomySample.Layers).Add(c => c.Kind, ByteKind.StaticLibrariesAndHeaders));

        Assert.Equal("dpkg:python3.11", files.FindAll(".file-owner")[0].TextContent);
        Assert.Empty(files.FindAll(".file-kind"));
    }

    [Fact]
    public void AnatomyFiles_DebugInfo_ShowsEachFilesDebugBytesAndOfHowLargeAProgram()
    {
        var files = Render<AnatomyFiles>(p => p.Add(c => c.Files, AnatomySample.DebugFiles()).Add(c => c.Title, "Debug info")
            .Add(c => c.Layers, AnatomySample.Layers).Add(c => c.Kind, ByteKind.DebugInfo));

        var rows = files.FindAll("tr[data-path]");
        Assert.Equal("Debug bytes", files.FindAll("th")[1].TextContent);
        Assert.Equal("5000000", rows[0].QuerySelector("[data-bytes]")!.GetAttribute("data-bytes"));
        Assert.Equal("8000000", rows[0].QuerySelector(".file-sections [data-bytes]")!.GetAttribute("data-bytes"));
        Assert.Contains(".debug sections of", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("700000", rows[1].QuerySelector("[data-bytes]")!.GetAttribute("data-bytes"));
        Assert.Null(rows[1].QuerySelector(".file-sections"));
    }

    [Theory]
    [InlineData(true, "the .debug sections inside unstripped ELF programs")]
    [InlineData(false, "analyzed before ImageLab read ELF sections")]
    public void ByteAnatomyView_DebugInfoNote_SaysWhatTheNumberCounts(bool sectionsRead, string expected)
    {
        var view = Render<ByteAnatomyView>(p => p.Add(c => c.Anatomy, AnatomySample.Packages() with { DebugSectionsRead = sectionsRead })
            .Add(c => c.Layers, AnatomySample.Layers));

        Assert.Contains(expected, view.Find(".debug-info-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void UnownedFolders_LongTail_ShowsTheLargestTenUntilAskedForAll()
    {
        var many = Enumerable.Range(0, 14).Select(i => new FolderBytes($"/f{i}", 1_000 - i, 1, [])).ToList();
        var folders = Render<UnownedFolders>(p => p.Add(c => c.Folders, many).Add(c => c.TotalBytes, 100_000));
        Assert.Equal(UnownedFolders.FirstShown, folders.FindAll("tr[data-folder]").Count);

        folders.Find("[data-action=all-folders]").Click();

        Assert.Equal(14, folders.FindAll("tr[data-folder]").Count);
    }

    [Fact]
    public void ByteAnatomyView_Anatomy_HeadlineAddsPackagesAndUnownedToTheTotal()
    {
        var view = Render<ByteAnatomyView>(p => p.Add(c => c.Anatomy, AnatomySample.Packages()).Add(c => c.Layers, AnatomySample.Layers));

        var headline = view.Find(".anatomy-headline");
        Assert.Equal("200000000", headline.GetAttribute("data-total-bytes"));
        Assert.Contains("uncompressed, counted from the files in its layers", headline.TextContent, StringComparison.Ordinal);
        Assert.Contains("25 MB (13%) in 3 packages", headline.TextContent, StringComparison.Ordinal);
        Assert.Contains("175 MB (88%) in files no package owns", headline.TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll(".anatomy-files"));
    }

    [Fact]
    public void ByteAnatomyView_PackageClicked_AsksForItsFilesAndShowsThemUnderThePackages()
    {
        FileGroup? asked = null;
        var view = Render<ByteAnatomyView>(p => p.Add(c => c.Anatomy, AnatomySample.Packages()).Add(c => c.Layers, AnatomySample.Layers)
            .Add(c => c.OnDrill, group => asked = group));

        view.Find("tr[data-package='python3.11'] .package-name").Click();
        view.Render(p => p.Add(c => c.Selected, asked).Add(c => c.Drill, AnatomySample.PythonFiles()));

        Assert.Equal(FileGroup.OfPackage(new PackageKey(PackageManager.Dpkg, "python3.11")), asked);
        var drill = view.Find("section[aria-label='Largest packages'] .anatomy-files");
        Assert.Equal("dpkg:python3.11", drill.GetAttribute("data-subject"));
        Assert.Contains("dpkg package python3.11 3.11.2-6+deb12u1", drill.TextContent, StringComparison.Ordinal);
        Assert.Contains("is-selected", view.Find("tr[data-package='python3.11']").ClassList);
    }

    [Fact]
    public void ByteAnatomyView_KindClickedWhileLoading_ShowsProgressUnderTheKinds()
    {
        FileGroup? asked = null;
        var view = Render<ByteAnatomyView>(p => p.Add(c => c.Anatomy, AnatomySample.Packages()).Add(c => c.Layers, AnatomySample.Layers)
            .Add(c => c.OnDrill, group => asked = group));

        view.Find(".kind-row[data-kind='Documentation']").Click();
        view.Render(p => p.Add(c => c.Selected, asked));

        Assert.Equal(ByteKind.Documentation, asked?.Kind);
        Assert.Single(view.FindAll("section[aria-label='Bytes by kind'] .anatomy-drill .mud-progress-linear"));
    }

    [Fact]
    public void ByteAnatomyView_DrillRefused_SaysWhyInASentence()
    {
        var view = Render<ByteAnatomyView>(p => p.Add(c => c.Anatomy, AnatomySample.Packages()).Add(c => c.Layers, AnatomySample.Layers)
            .Add(c => c.Selected, FileGroup.OfFolder("/app")).Add(c => c.DrillProblem, "Iteration 42's image has no files of /app."));

        Assert.Equal("Iteration 42's image has no files of /app.", view.Find("section[aria-label='Files no package owns'] .anatomy-drill").TextContent.Trim());
    }
}
