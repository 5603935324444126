using ImageLab.Core.Anatomy;

namespace ImageLab.Core.Tests.Anatomy;

public sealed class PackageDatabaseParserTests
{
    private const string Status = """
        Package: libc6
        Status: install ok installed
        Priority: optional
        Installed-Size: 12986
        Architecture: amd64
        Version: 2.36-9+deb12u4
        Depends: libgcc-s1
        Recommends: libidn2-0
        Description: GNU C Library: Shared libraries
         Contains the standard libraries that are used by nearly all programs on
         the system.

        Package: python3.11
        Status: install ok installed
        Architecture: amd64
        Version: 3.11.2-6
        Pre-Depends: libc6 (>= 2.36)
        Depends: python3.11-minimal (= 3.11.2-6), libpython3.11-stdlib (= 3.11.2-6), mime-support | media-types
        Recommends: ca-certificates
        Provides: python3.11-venv-stub

        Package: old-tool
        Status: deinstall ok config-files
        Version: 1.0
        """;

    [Fact]
    public void DpkgStatus_Parse_ReadsInstalledPackagesWithTheirRelations()
    {
        // Act
        var packages = DpkgStatus.Parse(Status);

        // Assert
        Assert.Equal(["libc6", "python3.11"], packages.Select(package => package.Name));
        var python = packages[1];
        Assert.Equal("3.11.2-6", python.Version);
        Assert.Equal(
            [["libc6"], ["python3.11-minimal"], ["libpython3.11-stdlib"], ["mime-support", "media-types"]],
            python.Depends.Select(alternatives => alternatives.ToArray()));
        Assert.Equal([["ca-certificates"]], python.Recommends.Select(alternatives => alternatives.ToArray()));
        Assert.Equal(["python3.11-venv-stub"], python.Provides);
        Assert.Equal(12986, packages[0].InstalledSizeKibibytes);
    }

    [Fact]
    public void DpkgStatus_Relations_DropsVersionsAndArchitectureQualifiers()
    {
        // Act
        var relations = DpkgStatus.Relations("python3:any (>= 3.11~), libssl3 [amd64] | libssl1.1");

        // Assert
        Assert.Equal([["python3"], ["libssl3", "libssl1.1"]], relations.Select(alternatives => alternatives.ToArray()));
    }

    [Theory]
    [InlineData("/var/lib/dpkg/info/libc6:amd64.list", "libc6")]
    [InlineData("/var/lib/dpkg/info/python3.11.list", "python3.11")]
    [InlineData("/var/lib/dpkg/info/python3.11.md5sums", null)]
    [InlineData("/var/lib/dpkg/info/sub/x.list", null)]
    [InlineData("/etc/x.list", null)]
    public void DpkgFileList_PackageOf_NamesThePackageOfAListFile(string path, string? expected)
    {
        Assert.Equal(expected, DpkgFileList.PackageOf(path));
    }

    [Fact]
    public void DpkgFileList_Parse_KeepsAbsolutePathsWithoutTheRoot()
    {
        Assert.Equal(["/usr", "/usr/bin/python3.11"], DpkgFileList.Parse("/.\n/usr\r\n/usr/bin/python3.11\n\n"));
    }

    [Fact]
    public void AptExtendedStates_AutoInstalled_ListsOnlyAutomaticPackages()
    {
        // Arrange
        const string text = """
            Package: libexpat1
            Architecture: amd64
            Auto-Installed: 1

            Package: python3
            Architecture: amd64
            Auto-Installed: 0
            """;

        // Act
        var auto = AptExtendedStates.AutoInstalled(text);

        // Assert
        Assert.Equal(["libexpat1"], auto);
    }

    [Fact]
    public void ApkInstalled_Parse_JoinsFoldersAndFiles()
    {
        // Arrange
        const string text = """
            C:Q1abc=
            P:musl
            V:1.2.4-r2
            A:x86_64
            F:lib
            R:ld-musl-x86_64.so.1
            a:0:0:755
            Z:Q1def=
            R:libc.musl-x86_64.so.1

            P:busybox
            V:1.36.1-r5
            F:bin
            R:busybox
            F:etc
            R:securetty
            """;

        // Act
        var packages = ApkInstalled.Parse(text);

        // Assert
        Assert.Equal(["musl", "busybox"], packages.Select(package => package.Name));
        Assert.Equal(["/lib/ld-musl-x86_64.so.1", "/lib/libc.musl-x86_64.so.1"], packages[0].Files);
        Assert.Equal(["/bin/busybox", "/etc/securetty"], packages[1].Files);
        Assert.Equal("1.36.1-r5", packages[1].Version);
        Assert.All(packages, package => Assert.Equal(PackageManager.Apk, package.Manager));
    }

    [Fact]
    public void PythonRecord_Parse_ResolvesPathsAgainstSitePackages()
    {
        // Arrange
        const string path = "/opt/venv/lib/python3.11/site-packages/requests-2.31.0.dist-info/RECORD";
        const string text = """
            requests/__init__.py,sha256=abc,4924
            "requests/odd,name.py",sha256=def,10
            requests-2.31.0.dist-info/RECORD,,
            ../../../bin/requests-cli,sha256=ghi,200
            """;

        // Act
        var package = PythonRecord.Parse(path, text);

        // Assert
        Assert.Equal("requests", package.Name);
        Assert.Equal("2.31.0", package.Version);
        Assert.Equal("/opt/venv/lib/python3.11/site-packages", package.Key.Location);
        Assert.Equal(
            [
                "/opt/venv/lib/python3.11/site-packages/requests/__init__.py",
                "/opt/venv/lib/python3.11/site-packages/requests/odd,name.py",
                "/opt/venv/lib/python3.11/site-packages/requests-2.31.0.dist-info/RECORD",
                "/opt/venv/bin/requests-cli",
            ],
            package.Files);
    }

    [Theory]
    [InlineData("/app/node_modules/express/package.json", true)]
    [InlineData("/app/node_modules/@types/node/package.json", true)]
    [InlineData("/app/node_modules/express/node_modules/qs/package.json", true)]
    [InlineData("/app/package.json", false)]
    [InlineData("/app/node_modules/express/lib/package.json", false)]
    [InlineData("/app/node_modules/@types/package.json", false)]
    public void NpmPackageJson_IsPackageJson_RecognisesInstalledPackagesOnly(string path, bool expected)
    {
        Assert.Equal(expected, NpmPackageJson.IsPackageJson(path));
    }

    [Fact]
    public void NpmPackageJson_Parse_OwnsThePackageFolder()
    {
        // Act
        var package = NpmPackageJson.Parse("/app/node_modules/@types/node/package.json", """{"name":"@types/node","version":"20.1.0"}""");
        var broken = NpmPackageJson.Parse("/app/node_modules/x/package.json", "{ not json");

        // Assert
        Assert.NotNull(package);
        Assert.Equal("@types/node", package.Name);
        Assert.Equal("20.1.0", package.Version);
        Assert.Equal("/app/node_modules/@types/node/", package.Folder);
        Assert.Equal("/app", package.Key.Location);
        Assert.Null(broken);
    }

    [Theory]
    [InlineData("/usr/share/doc/libc6/changelog.Debian.gz", ByteKind.Documentation)]
    [InlineData("/usr/share/man/man1/ls.1.gz", ByteKind.Documentation)]
    [InlineData("/usr/share/locale/de/LC_MESSAGES/bash.mo", ByteKind.Locales)]
    [InlineData("/usr/lib/debug/.build-id/ab/cdef.debug", ByteKind.DebugInfo)]
    [InlineData("/usr/lib/x86_64-linux-gnu/libc.a", ByteKind.StaticLibrariesAndHeaders)]
    [InlineData("/usr/include/stdio.h", ByteKind.StaticLibrariesAndHeaders)]
    [InlineData("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", ByteKind.Toolchains)]
    [InlineData("/usr/bin/x86_64-linux-gnu-gcc-12", ByteKind.Toolchains)]
    [InlineData("/usr/bin/gcc-12", ByteKind.Toolchains)]
    [InlineData("/usr/bin/make", ByteKind.Toolchains)]
    [InlineData("/usr/bin/gcc-ar-tool", ByteKind.Other)]
    [InlineData("/var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease", ByteKind.PackageCaches)]
    [InlineData("/root/.cache/pip/http/a/b", ByteKind.PackageCaches)]
    [InlineData("/app/node_modules/.cache/babel/x.json", ByteKind.PackageCaches)]
    [InlineData("/usr/local/lib/python3.11/site-packages/numpy/tests/test_a.py", ByteKind.TestsInPackages)]
    [InlineData("/usr/lib/python3.11/test/test_os.py", ByteKind.TestsInPackages)]
    [InlineData("/usr/lib/python3.11/__pycache__/os.cpython-311.pyc", ByteKind.BytecodeCaches)]
    [InlineData("/usr/bin/python3.11", ByteKind.Other)]
    [InlineData("/app/main.py", ByteKind.Other)]
    public void ByteKinds_Classify_JudgesByPath(string path, ByteKind expected)
    {
        Assert.Equal(expected, ByteKinds.Classify(path));
    }
}
