using ImageLab.Core.Anatomy;
using ImageLab.Core.Layers;

namespace ImageLab.Core.Tests.Anatomy;

public sealed class SizeBlamerTests
{
    private static readonly LayerSource Base = new("base debian:12", "base image debian:12");
    private static readonly LayerSource CopyAll = new("COPY . .", "line 14 `COPY . .`");

    [Fact]
    public void Blame_CopyBringsACacheFolder_NamesTheLineAndTheFolder()
    {
        // Arrange
        var before = ImageAnatomy.Build([
            new AnatomyLayers().File("/bin/sh", 100_000).Build(),
            new AnatomyLayers().File("/app/index.js", 2_000).File("/app/node_modules/qs/index.js", 1_000).Build(),
        ]);
        var after = ImageAnatomy.Build([
            new AnatomyLayers().File("/bin/sh", 100_000).Build(),
            new AnatomyLayers()
                .File("/app/index.js", 2_100)
                .File("/app/node_modules/qs/index.js", 1_000)
                .File("/app/node_modules/.cache/babel/a.json", 20_000_000)
                .File("/app/node_modules/.cache/eslint/c.json", 12_000_000)
                .Build(),
        ]);

        // Act
        var blame = SizeBlamer.Blame(before, [Base, CopyAll], after, [Base, CopyAll]);

        // Assert
        Assert.Equal(32_000_100, blame.DeltaBytes);
        var top = Assert.Single(blame.TopCauses());
        Assert.Equal("line 14 `COPY . .`", top.Subject);
        Assert.Equal(32_000_100, top.DeltaBytes);
        Assert.Equal(new SizeDetail("/app/node_modules/.cache", 32_000_000), top.Detail);
        Assert.Equal(blame.DeltaBytes, blame.ByLine.Sum(cause => cause.DeltaBytes));
        var cache = blame.ByKind[0];
        Assert.Equal((nameof(ByteKind.PackageCaches), 32_000_000L), (cache.Subject, cache.DeltaBytes));
    }

    [Fact]
    public void Blame_NoInstallRecommends_ReportsTheRemovedPackages()
    {
        // Arrange
        const string withRecommends = "Package: gcc\nStatus: install ok installed\nVersion: 12\nRecommends: libc6-dev\n\nPackage: libc6-dev\nStatus: install ok installed\nVersion: 2.36\n\n";
        const string without = "Package: gcc\nStatus: install ok installed\nVersion: 12\nRecommends: libc6-dev\n\n";
        AnatomyLayers Install(string status, bool recommends)
        {
            var layer = new AnatomyLayers().File("/usr/bin/gcc-12", 1_000_000)
                .Database("/var/lib/dpkg/status", status)
                .Database("/var/lib/dpkg/info/gcc.list", "/usr/bin/gcc-12\n");
            return recommends
                ? layer.File("/usr/include/stdio.h", 40_000).Database("/var/lib/dpkg/info/libc6-dev.list", "/usr/include/stdio.h\n")
                    .Database("/var/lib/apt/extended_states", "Package: libc6-dev\nAuto-Installed: 1\n\n")
                : layer;
        }
        var before = ImageAnatomy.Build([Install(withRecommends, recommends: true).Build()]);
        var after = ImageAnatomy.Build([Install(without, recommends: false).Build()]);
        var step = new LayerSource("RUN apt-get install gcc", "line 2 `RUN apt-get install gcc`");

        // Act
        var blame = SizeBlamer.Blame(before, [step], after, [step]);

        // Assert
        var removed = blame.ByPackage[0];
        Assert.Equal("dpkg:libc6-dev", removed.Subject);
        Assert.True(removed.IsRemoved);
        Assert.Equal(-40_000, removed.DeltaBytes);
        Assert.Equal(InstallReasonKind.RecommendsOnly, before.Packages.Single(package => package.Name == "libc6-dev").Reason?.Kind);
        Assert.Equal(new SizeDetail("dpkg:libc6-dev", -40_000), blame.TopCauses()[0].Detail);
    }

    [Fact]
    public void Blame_StepGone_NamesTheFolderItHeld()
    {
        // Arrange
        var copyRootfs = new LayerSource("COPY rootfs", "layer 1 `COPY rootfs`");
        var before = ImageAnatomy.Build([
            new AnatomyLayers().File("/usr/lib/python3.11/os.py", 40_000).File("/usr/lib/python3.11/__pycache__/os.pyc", 30_000).File("/usr/bin/python3", 6_000_000).Build(),
        ]);
        var after = ImageAnatomy.Build([new AnatomyLayers().File("/etc/hostname", 10).Build()]);

        // Act
        var blame = SizeBlamer.Blame(before, [copyRootfs], after, [new LayerSource("other", "layer 1 `other`")]);

        // Assert
        var gone = Assert.Single(blame.ByLine, cause => cause.IsRemoved);
        Assert.Equal(new SizeDetail("/usr/bin", -6_000_000), gone.Detail);
    }

    [Fact]
    public void Blame_InstallLineEdited_IsOneChangedStepWithTheOldInstruction()
    {
        // Arrange: line 9's install loses its Recommends; the steps around it are unchanged.
        var oldInstall = new LayerSource("RUN apt-get install -y gcc", "line 9 `RUN apt-get install -y gcc`", "RUN apt-get install -y gcc");
        var newInstall = new LayerSource("RUN apt-get install -y --no-install-recommends gcc", "line 9 `RUN apt-get install -y --no-install-recommends gcc`", "RUN apt-get install -y --no-install-recommends gcc");
        var before = ImageAnatomy.Build([
            new AnatomyLayers().File("/bin/sh", 100_000).Build(),
            new AnatomyLayers().File("/usr/bin/gcc-12", 1_000_000).File("/usr/include/stdio.h", 88_000_000).Build(),
            new AnatomyLayers().File("/app/index.js", 2_000).Build(),
        ]);
        var after = ImageAnatomy.Build([
            new AnatomyLayers().File("/bin/sh", 100_000).Build(),
            new AnatomyLayers().File("/usr/bin/gcc-12", 1_000_000).Build(),
            new AnatomyLayers().File("/app/index.js", 2_500).Build(),
        ]);

        // Act
        var blame = SizeBlamer.Blame(before, [Base, oldInstall, CopyAll], after, [Base, newInstall, CopyAll]);

        // Assert
        Assert.Equal(2, blame.ByLine.Count);
        var edited = blame.ByLine[0];
        Assert.Equal((newInstall.Label, oldInstall.Code, 89_000_000L, 1_000_000L), (edited.Subject, edited.Was, edited.BeforeBytes, edited.AfterBytes));
        Assert.True(edited.IsEdited && !edited.IsAdded && !edited.IsRemoved);
        Assert.Equal(new SizeDetail("/usr/include", -88_000_000), edited.Detail);
        Assert.Equal("line 9 `RUN apt-get install -y --no-install-recommends gcc` (changed from `RUN apt-get install -y gcc`)", edited.Step);
        Assert.Equal((CopyAll.Label, 500L), (blame.ByLine[1].Subject, blame.ByLine[1].DeltaBytes));
        Assert.Equal(blame.DeltaBytes, blame.ByLine.Sum(cause => cause.DeltaBytes));
    }

    [Fact]
    public void Blame_BaseImageChanged_IsOneCauseWhicheverLayersChanged()
    {
        // Arrange: a newer base has other bytes in two of its layers.
        var before = ImageAnatomy.Build([
            new AnatomyLayers().File("/bin/sh", 100_000).Build(),
            new AnatomyLayers().File("/usr/lib/libc.so", 2_000_000).Build(),
            new AnatomyLayers().File("/app/index.js", 2_000).Build(),
        ]);
        var after = ImageAnatomy.Build([
            new AnatomyLayers().File("/bin/sh", 110_000).Build(),
            new AnatomyLayers().File("/usr/lib/libc.so", 2_500_000).Build(),
            new AnatomyLayers().File("/app/index.js", 2_000).Build(),
        ]);
        var baseLayer = new LayerSource(LayerSource.BaseImageKey, "base image");

        // Act
        var blame = SizeBlamer.Blame(before, [baseLayer, baseLayer, CopyAll], after, [baseLayer, baseLayer, CopyAll]);

        // Assert
        var cause = Assert.Single(blame.ByLine);
        Assert.Equal(("base image", 510_000L), (cause.Subject, cause.DeltaBytes));
        Assert.Equal(new SizeDetail("/usr/lib", 500_000), cause.Detail);
    }

    [Theory]
    [InlineData("/bin/sh -c #(nop) COPY dir:0da9e07e6defeed781fa6fe64e71985277e868a6ae8aec8f6a159af9ee02cacc in / ", "COPY dir:… in /")]
    [InlineData("|2 A=1 B=two /bin/sh -c make   all", "RUN make all")]
    [InlineData("RUN /bin/sh -c apt-get update # buildkit", "RUN apt-get update")]
    public void LayerSources_StepKey_IsTheStepWithoutEngineNoise(string createdBy, string expected)
    {
        Assert.Equal(expected, LayerSources.StepKey(CreatedByText.Instruction(createdBy)));
    }
}
