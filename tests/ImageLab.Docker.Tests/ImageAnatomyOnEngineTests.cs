using System.Globalization;
using ImageLab.Core.Anatomy;
using ImageLab.Core.Layers;

namespace ImageLab.Docker.Tests;

/// <summary>The byte anatomy of a real Debian image, read from the engine's save, against dpkg inside the image.</summary>
[Collection(EngineCollection.Name)]
public sealed class ImageAnatomyOnEngineTests(EngineFixture fixture)
{
    private const string PythonImage = "python:3.11-slim-bookworm";

    [Fact]
    public async Task GetAnatomy_DebianImageWithPythonFromApt_PackageBytesEqualItsFilesFromDpkg()
    {
        // Arrange: what dpkg says python3.11 owns, measured in the image (lstat: a symbolic link weighs its target).
        var dpkgBytes = await DpkgPackageBytesAsync("python3.11");

        // Act
        ImageAnalysisResult result;
        await using (var saved = await fixture.Engine.SaveImageAsync(PythonImage, CancellationToken.None))
        {
            result = await new ImageSaveAnalyzer().AnalyzeAsync(saved);
        }
        var analysis = result.GetAnalysisOrThrow();
        var anatomy = analysis.GetAnatomy();
        Assert.NotNull(anatomy);

        // Assert
        var python = Assert.Single(anatomy.Packages, package => package.Key == new PackageKey(PackageManager.Dpkg, "python3.11"));
        Assert.Equal(dpkgBytes, python.Bytes);
        Assert.Equal(analysis.Layers.Sum(layer => layer.Layer.FileSystemBytes), anatomy.TotalBytes);
        Assert.Equal(anatomy.TotalBytes, anatomy.Packages.Sum(package => package.Bytes) + anatomy.Unowned.Sum(folder => folder.Bytes));
        Assert.Equal(InstallReasonKind.Requested, anatomy.Packages.Single(package => package.Name == "libc6").Reason?.Kind);
    }

    private async Task<long> DpkgPackageBytesAsync(string package)
    {
        var script = $"dpkg -L {package} | while read -r f; do if [ -L \"$f\" ] || [ -f \"$f\" ]; then stat -c %s \"$f\"; fi; done";
        var output = await fixture.DockerCliAsync("run", "--rm", "--network", "none", PythonImage, "sh", "-c", script);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(line => long.Parse(line, CultureInfo.InvariantCulture));
    }
}
