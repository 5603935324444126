using System.Globalization;
using ImageLab.Core.Anatomy;
using ImageLab.Core.Builds;
using ImageLab.Core.Layers;

namespace ImageLab.Docker.Tests;

/// <summary>
/// The byte anatomy of real images, built on the engine and read from its save, against what the package managers
/// inside the images say (dpkg, pip's RECORD) or against the files the test put there (apk, which has no mirror here).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ImageAnatomyOnEngineTests(EngineFixture fixture)
{
    private const string PythonImage = "python:3.11-slim-bookworm";

    private static readonly ImageAnalysisOptions WithoutPushSizes = new() { EstimateCompressedSize = false };

    [Fact]
    public async Task GetAnatomy_DebianImageWithPythonFromApt_PackageBytesEqualItsFilesFromDpkg()
    {
        // Arrange: what dpkg says python3.11 and libc6 own, measured in the image (libc6 lists its files under /lib,
        // which merged /usr links to /usr/lib).
        var pythonBytes = await DpkgPackageBytesAsync(PythonImage, "python3.11");
        var libcBytes = await DpkgPackageBytesAsync(PythonImage, "libc6");

        // Act
        var analysis = await AnalyzeAsync(PythonImage);
        var anatomy = analysis.GetAnatomy();
        Assert.NotNull(anatomy);

        // Assert
        var python = Assert.Single(anatomy.Packages, package => package.Key == new PackageKey(PackageManager.Dpkg, "python3.11"));
        Assert.Equal(pythonBytes, python.Bytes);
        Assert.Equal(libcBytes, anatomy.Packages.Single(package => package.Name == "libc6").Bytes);
        Assert.Equal(analysis.Layers.Sum(layer => layer.Layer.FileSystemBytes), anatomy.TotalBytes);
        Assert.Equal(anatomy.TotalBytes, anatomy.Packages.Sum(package => package.Bytes) + anatomy.Unowned.Sum(folder => folder.Bytes));
        Assert.Equal(InstallReasonKind.Requested, anatomy.Packages.Single(package => package.Name == "libc6").Reason?.Kind);
    }

    [Fact]
    public async Task Blame_InstallWithoutRecommends_RecommendsOnlyPackageLeavesWithItsBytesAndLine()
    {
        // Arrange: the same install line, once with procps' Recommends (psmisc) and once without.
        var withRecommends = await BuildOrFailAsync(AnatomyContexts.Procps(""), BuildNetworkMode.Host);
        var withoutRecommends = await BuildOrFailAsync(AnatomyContexts.Procps("--no-install-recommends"), BuildNetworkMode.Host);
        var psmiscBytes = await DpkgPackageBytesAsync(withRecommends, "psmisc");

        // Act
        var before = await AnalyzeAsync(withRecommends);
        var after = await AnalyzeAsync(withoutRecommends);
        var blame = SizeBlamer.Blame(before.GetAnatomy()!, LayerSources.Of(before), after.GetAnatomy()!, LayerSources.Of(after));

        // Assert
        var psmisc = Assert.Single(before.GetAnatomy()!.Packages, package => package.Name == "psmisc");
        Assert.Equal(psmiscBytes, psmisc.Bytes);
        Assert.Equal(InstallReasonKind.RecommendsOnly, psmisc.Reason?.Kind);
        Assert.Equal(["procps"], psmisc.Reason!.Via);
        Assert.DoesNotContain(after.GetAnatomy()!.Packages, package => package.Name == "psmisc");
        Assert.Contains(after.GetAnatomy()!.Packages, package => package.Name == "procps");

        var removed = Assert.Single(blame.ByPackage, cause => cause.Subject == "dpkg:psmisc");
        Assert.Equal((psmiscBytes, 0L), (removed.BeforeBytes, removed.AfterBytes));
        var installLine = LayerSources.Of(before)[psmisc.InstalledInLayer].Label;
        Assert.Contains("apt-get install -y $APT_OPTIONS procps", installLine, StringComparison.Ordinal);
        var line = Assert.Single(blame.ByLine, cause => cause.Subject == installLine);
        Assert.True(line.DeltaBytes <= -psmiscBytes, $"the install line shrank by at least psmisc: {line}");
        Assert.Equal(blame.DeltaBytes, blame.ByLine.Sum(cause => cause.DeltaBytes));
    }

    [Fact]
    public async Task GetAnatomy_ScratchImageWithApkDatabase_AttributesTheListedFilesToTheirPackages()
    {
        // Arrange
        var image = await BuildOrFailAsync(AnatomyContexts.Apk(), BuildNetworkMode.None);
        var bytes = AnatomyContexts.ApkFileBytes;

        // Act
        var anatomy = (await AnalyzeAsync(image)).GetAnatomy();
        Assert.NotNull(anatomy);

        // Assert
        var packages = anatomy.Packages.ToDictionary(package => package.Key);
        Assert.Equal(2, packages.Count);
        var musl = packages[new PackageKey(PackageManager.Apk, "musl")];
        Assert.Equal(("1.2.4_git20230717-r4", bytes["lib/ld-musl-x86_64.so.1"] + bytes["lib/libc.musl-x86_64.so.1"], 2),
            (musl.Version, musl.Bytes, musl.FileCount));
        var busybox = packages[new PackageKey(PackageManager.Apk, "busybox")];
        Assert.Equal(("1.36.1-r15", bytes["bin/busybox"] + bytes["etc/busybox-paths.d/busybox"], 2),
            (busybox.Version, busybox.Bytes, busybox.FileCount));
        Assert.Equal(bytes["app/data.bin"], anatomy.Unowned.Single(folder => folder.Folder == "/app").Bytes);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(AnatomyContexts.ApkDatabase), anatomy.Unowned.Single(folder => folder.Folder == "/lib/apk").Bytes);
        Assert.Equal(anatomy.TotalBytes, anatomy.Packages.Sum(package => package.Bytes) + anatomy.Unowned.Sum(folder => folder.Bytes));
    }

    [Fact]
    public async Task GetAnatomy_PackageInstalledByPipFromALocalWheel_IsAttributedFromItsRecord()
    {
        // Arrange: what pip's RECORD lists, measured in the image.
        var image = await BuildOrFailAsync(AnatomyContexts.PipWheel(), BuildNetworkMode.None);
        var record = $"{TinyWheel.Name}-{TinyWheel.Version}.dist-info/RECORD";
        var recordBytes = await FileBytesInImageAsync(image, $"cd {AnatomyContexts.SitePackages} && cut -d, -f1 {record} | sed 's|^|{AnatomyContexts.SitePackages}/|'");

        // Act
        var anatomy = (await AnalyzeAsync(image)).GetAnatomy();
        Assert.NotNull(anatomy);

        // Assert
        var wheel = Assert.Single(anatomy.Packages, package => package.Key == new PackageKey(PackageManager.Python, TinyWheel.Name, AnatomyContexts.SitePackages));
        Assert.Equal(TinyWheel.Version, wheel.Version);
        Assert.Equal(recordBytes, wheel.Bytes);
        Assert.Contains(anatomy.Files, file => file.Owner == wheel.Key && file.Path.EndsWith(".pyc", StringComparison.Ordinal));
        Assert.Equal(anatomy.TotalBytes, anatomy.Packages.Sum(package => package.Bytes) + anatomy.Unowned.Sum(folder => folder.Bytes));
    }

    [Fact]
    public async Task Blame_SampleIterationWithOneMorePackage_NamesThePackageAndTheLineThatGrew()
    {
        // Arrange: the sample ladder's slim iteration, then the same Dockerfile with one more package in packages.txt.
        const string dockerfile = "Dockerfile.2-slim";
        var first = await BuildOrFailAsync(AnatomyContexts.PythonOfflineSample(), BuildNetworkMode.Host, dockerfile);
        var second = await BuildOrFailAsync(AnatomyContexts.PythonOfflineSample("python3-pygments"), BuildNetworkMode.Host, dockerfile);
        var pygmentsBytes = await DpkgPackageBytesAsync(second, "python3-pygments");

        // Act
        var before = await AnalyzeAsync(first);
        var after = await AnalyzeAsync(second);
        var blame = SizeBlamer.Blame(before.GetAnatomy()!, LayerSources.Of(before), after.GetAnatomy()!, LayerSources.Of(after));

        // Assert
        var added = Assert.Single(blame.ByPackage, cause => cause.Subject == "dpkg:python3-pygments");
        Assert.Equal((0L, pygmentsBytes), (added.BeforeBytes, added.AfterBytes));
        var top = blame.TopCauses()[0];
        Assert.Contains("xargs apt-get install -y < packages.txt", top.Subject, StringComparison.Ordinal);
        Assert.True(top.DeltaBytes >= pygmentsBytes, $"the install line grew by at least the package: {top}");
        // Debian compiles the package's byte code at install: unowned caches beside its files, so its folder explains the line best.
        Assert.StartsWith("/usr/lib/python3/dist-packages/pygments", top.Detail?.Subject, StringComparison.Ordinal);
        Assert.Contains(blame.ByKind, cause => cause.Subject == nameof(ByteKind.BytecodeCaches) && cause.DeltaBytes > 0);
        var pygments = after.GetAnatomy()!.Packages.Single(package => package.Name == "python3-pygments");
        Assert.Equal(top.Subject, LayerSources.Of(after)[pygments.InstalledInLayer].Label);
        var engineSizes = (await fixture.DockerInspectAsync(second)).GetProperty("Size").GetInt64() - (await fixture.DockerInspectAsync(first)).GetProperty("Size").GetInt64();
        Assert.Equal(engineSizes, blame.DeltaBytes);
    }

    private async Task<string> BuildOrFailAsync(IReadOnlyDictionary<string, object> context, BuildNetworkMode network, string dockerfile = "Dockerfile")
    {
        var run = await fixture.BuildAsync(fixture.CreateContext(context), BuilderKind.Classic, dockerfile, network);
        Assert.True(run.Result.Succeeded, run.ToString());
        return run.Tag;
    }

    private async Task<ImageAnalysis> AnalyzeAsync(string image)
    {
        await using var saved = await fixture.Engine.SaveImageAsync(image, CancellationToken.None);
        var result = await new ImageSaveAnalyzer(WithoutPushSizes).AnalyzeAsync(saved);
        return result.GetAnalysisOrThrow();
    }

    private Task<long> DpkgPackageBytesAsync(string image, string package) => FileBytesInImageAsync(image, $"dpkg -L {package}");

    /// <summary>
    /// The sizes of the files and symbolic links <paramref name="listCommand"/> prints, one path a line, measured by
    /// stat inside a container of the image (lstat: a symbolic link weighs its target's name, as in the layer tar).
    /// Top-level paths are left out: dpkg lists the folders a package unpacks into, and merged /usr made /bin and /lib
    /// links that no package owns.
    /// </summary>
    private async Task<long> FileBytesInImageAsync(string image, string listCommand)
    {
        var script = $"{listCommand} | while read -r f; do case \"$f\" in /*/*) ;; *) continue ;; esac; " +
            "if [ -L \"$f\" ] || [ -f \"$f\" ]; then stat -c %s \"$f\"; fi; done";
        var output = await fixture.DockerCliAsync("run", "--rm", "--network", "none", image, "sh", "-c", script);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(line => long.Parse(line, CultureInfo.InvariantCulture));
    }
}
