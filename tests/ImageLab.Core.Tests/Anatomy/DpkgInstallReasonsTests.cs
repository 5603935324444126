using ImageLab.Core.Anatomy;

namespace ImageLab.Core.Tests.Anatomy;

public sealed class DpkgInstallReasonsTests
{
    private static DpkgPackage Package(string name, string depends = "", string recommends = "", string provides = "") =>
        new(name, "1", "amd64", 0, DpkgStatus.Relations(depends), DpkgStatus.Relations(recommends), [.. DpkgStatus.Relations(provides).Select(a => a[0])]);

    [Fact]
    public void Explain_GccWithRecommends_SeparatesRequestedDependenciesAndRecommendsOnly()
    {
        // Arrange: apt-get install gcc, recommends on: gcc recommends libc6-dev, which needs linux-libc-dev.
        var packages = new[]
        {
            Package("libc6"),
            Package("gcc", depends: "cpp (>= 4:12), gcc-12", recommends: "libc6-dev | libc-dev"),
            Package("gcc-12", depends: "libc6, binutils"),
            Package("cpp"),
            Package("binutils", recommends: "binutils-doc"),
            Package("libc6-dev", depends: "libc6, linux-libc-dev", provides: "libc-dev"),
            Package("linux-libc-dev"),
            Package("manpages-dev", recommends: "manpages"),
        };
        var auto = new HashSet<string> { "gcc-12", "cpp", "binutils", "libc6-dev", "linux-libc-dev", "manpages-dev" };

        // Act
        var reasons = DpkgInstallReasons.Explain(packages, auto);

        // Assert
        Assert.Equal(InstallReasonKind.Requested, reasons["gcc"].Kind);
        Assert.Equal(InstallReasonKind.Requested, reasons["libc6"].Kind);
        Assert.Equal(new InstallReason(InstallReasonKind.Dependency, ["gcc"]).Kind, reasons["gcc-12"].Kind);
        Assert.Equal(["gcc"], reasons["gcc-12"].Via);
        Assert.Equal(["gcc-12"], reasons["binutils"].Via);
        Assert.Equal(InstallReasonKind.RecommendsOnly, reasons["libc6-dev"].Kind);
        Assert.Equal(["gcc"], reasons["libc6-dev"].Via);
        Assert.Equal(InstallReasonKind.RecommendsOnly, reasons["linux-libc-dev"].Kind);
        Assert.Equal(["gcc"], reasons["linux-libc-dev"].Via);
        // Automatic, but nothing installed asks for it: nothing explains it.
        Assert.Equal(InstallReasonKind.Requested, reasons["manpages-dev"].Kind);
        Assert.Equal(packages.Length, reasons.Count);
    }

    [Fact]
    public void Explain_VirtualPackage_IsSatisfiedByItsProvider()
    {
        // Arrange
        var packages = new[] { Package("app", depends: "awk"), Package("mawk", provides: "awk") };

        // Act
        var reasons = DpkgInstallReasons.Explain(packages, new HashSet<string> { "mawk" });

        // Assert
        Assert.Equal(InstallReasonKind.Dependency, reasons["mawk"].Kind);
        Assert.Equal(["app"], reasons["mawk"].Via);
    }

    [Fact]
    public void Explain_NeededPackageAlsoRecommended_StaysADependency()
    {
        // Arrange
        var packages = new[] { Package("a", depends: "c", recommends: "b"), Package("b", depends: "c"), Package("c") };

        // Act
        var reasons = DpkgInstallReasons.Explain(packages, new HashSet<string> { "b", "c" });

        // Assert
        Assert.Equal(InstallReasonKind.Dependency, reasons["c"].Kind);
        Assert.Equal(InstallReasonKind.RecommendsOnly, reasons["b"].Kind);
        Assert.Equal(["a"], reasons["b"].Via);
    }
}
