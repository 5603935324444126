using ImageLab.Core.Anatomy;

namespace ImageLab.Core.Tests.Anatomy;

public sealed class ImageAnatomyTests
{
    private const string BaseStatus = """
        Package: libc6
        Status: install ok installed
        Version: 2.36-9

        """;

    private const string StatusWithPython = BaseStatus + """
        Package: python3.11
        Status: install ok installed
        Version: 3.11.2-6
        Depends: libc6
        Recommends: ca-certificates

        Package: ca-certificates
        Status: install ok installed
        Version: 20230311

        """;

    private const string ExtendedStates = """
        Package: ca-certificates
        Auto-Installed: 1

        """;

    private static IReadOnlyList<AnatomyLayer> PythonImage() =>
    [
        new AnatomyLayers()
            .File("/usr/lib/x86_64-linux-gnu/libc.so.6", 2_000_000)
            .Symlink("/lib64/ld-linux-x86-64.so.2", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")
            .File("/usr/share/doc/libc6/copyright", 30_000)
            .File("/etc/hostname", 10)
            .Database("/var/lib/dpkg/status", BaseStatus)
            .Database("/var/lib/dpkg/info/libc6:amd64.list", "/.\n/usr/lib/x86_64-linux-gnu/libc.so.6\n/lib64/ld-linux-x86-64.so.2\n/usr/share/doc/libc6/copyright\n")
            .Build(),
        new AnatomyLayers()
            .File("/usr/bin/python3.11", 6_800_000)
            .File("/usr/lib/python3.11/os.py", 40_000)
            .File("/usr/lib/python3.11/__pycache__/os.cpython-311.pyc", 30_000)
            .File("/usr/share/ca-certificates/mozilla/a.crt", 2_000)
            .File("/var/lib/apt/lists/deb_InRelease", 150_000)
            .Database("/var/lib/dpkg/status", StatusWithPython)
            .Database("/var/lib/dpkg/info/python3.11.list", "/usr/bin/python3.11\n/usr/lib/python3.11/os.py\n")
            .Database("/var/lib/dpkg/info/ca-certificates.list", "/usr/share/ca-certificates/mozilla/a.crt\n")
            .Database("/var/lib/apt/extended_states", ExtendedStates)
            .Build(),
        new AnatomyLayers()
            .File("/app/main.py", 1_000)
            .File("/app/node_modules/.cache/x", 5_000)
            .Build(),
    ];

    [Fact]
    public void Build_DebianLayers_AttributesFilesToTheirPackagesInTheLayerThatWroteThem()
    {
        // Act
        var anatomy = ImageAnatomy.Build(PythonImage());

        // Assert
        var python = Assert.Single(anatomy.Packages, package => package.Name == "python3.11");
        Assert.Equal(6_840_000, python.Bytes);
        Assert.Equal(2, python.FileCount);
        Assert.Equal(1, python.InstalledInLayer);
        Assert.Equal("3.11.2-6", python.Version);
        Assert.Equal(InstallReasonKind.Requested, python.Reason?.Kind);

        var libc = Assert.Single(anatomy.Packages, package => package.Name == "libc6");
        Assert.Equal(2_000_000 + 30_000 + "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2".Length, libc.Bytes);
        Assert.Equal(0, libc.InstalledInLayer);

        var certificates = Assert.Single(anatomy.Packages, package => package.Name == "ca-certificates");
        Assert.Equal(InstallReasonKind.RecommendsOnly, certificates.Reason?.Kind);
        Assert.Equal(["python3.11"], certificates.Reason?.Via);
    }

    [Fact]
    public void Build_MergedUsrImage_AttributesFilesListedThroughTheLinkedFolders()
    {
        // Arrange: Debian 12 links /bin and /lib into /usr (relative targets); psmisc and libc6 list the old names, and
        // libc6 lists /lib as the folder it unpacks into: the link there is not libc6's.
        const string status = "Package: psmisc\nStatus: install ok installed\nVersion: 23.6-1\n\n" +
            "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\n\n";
        var layers = new[]
        {
            new AnatomyLayers()
                .File("/usr/bin/fuser", 40_000)
                .File("/usr/lib/x86_64-linux-gnu/libc.so.6", 2_000_000)
                .File("/usr/bin/unlisted", 7)
                .Symlink("/bin", "usr/bin")
                .Symlink("/lib", "./usr/lib")
                .Database("/var/lib/dpkg/status", status)
                .Database("/var/lib/dpkg/info/psmisc.list", "/bin/fuser\n")
                .Database("/var/lib/dpkg/info/libc6:amd64.list", "/lib\n/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu/libc.so.6\n")
                .Build(),
        };

        // Act
        var anatomy = ImageAnatomy.Build(layers);

        // Assert
        Assert.Equal(40_000, anatomy.Packages.Single(package => package.Name == "psmisc").Bytes);
        Assert.Equal(2_000_000, anatomy.Packages.Single(package => package.Name == "libc6").Bytes);
        Assert.Null(anatomy.Files.Single(file => file.Path == "/usr/bin/unlisted").Owner);
        Assert.Null(anatomy.Files.Single(file => file.Path == "/lib").Owner);
    }

    [Fact]
    public void Build_AnyImage_PackageBytesPlusUnownedBytesAreTheImageBytes()
    {
        // Arrange
        var layers = PythonImage();
        var layerBytes = layers.Sum(layer => layer.Entries.Sum(entry => ImageLab.Core.Layers.LayerEntry.SizeInImage(entry.Kind, entry.SizeBytes, entry.LinkTarget)));

        // Act
        var anatomy = ImageAnatomy.Build(layers);

        // Assert
        Assert.Equal(layerBytes, anatomy.TotalBytes);
        Assert.Equal(anatomy.TotalBytes, anatomy.Packages.Sum(package => package.Bytes) + anatomy.Unowned.Sum(folder => folder.Bytes));
        Assert.Equal(anatomy.TotalBytes, anatomy.Kinds.Sum(kind => kind.Bytes));
        Assert.Contains(anatomy.Unowned, folder => folder.Folder == "/app/node_modules" && folder.Bytes == 5_000);
        Assert.Contains(anatomy.Unowned, folder => folder.Folder == "/app" && folder.Bytes == 1_000);
        Assert.Contains(anatomy.Unowned, folder => folder.Folder == "/etc" && folder.Bytes == 10);
    }

    [Fact]
    public void Build_AnyImage_SumsBytesByKind()
    {
        // Act
        var anatomy = ImageAnatomy.Build(PythonImage());

        // Assert
        var kinds = anatomy.Kinds.ToDictionary(kind => kind.Kind, kind => kind.Bytes);
        Assert.Equal(30_000, kinds[ByteKind.Documentation]);
        Assert.Equal(30_000, kinds[ByteKind.BytecodeCaches]);
        Assert.Equal(155_000, kinds[ByteKind.PackageCaches]);
    }

    [Fact]
    public void Build_FilesWithDebugSections_SplitTheirBytesBetweenDebugInfoAndTheirPathKind()
    {
        // Arrange: a program with 3,000 debug bytes, a separate debug file (all debug info by its path, whatever its
        // sections), and a stored number larger than its file (a lie: at most the file counts).
        var entries = new AnatomyLayers().File("/usr/bin/tool", 10_000).File("/usr/lib/debug/tool.debug", 4_000).File("/usr/bin/small", 100).Build().Entries;
        var debug = new Dictionary<string, long>(StringComparer.Ordinal) { ["/usr/bin/tool"] = 3_000, ["/usr/lib/debug/tool.debug"] = 2_500, ["/usr/bin/small"] = 900 };
        var layer = new AnatomyLayer(entries, new Dictionary<string, string>(), debug);

        // Act
        var anatomy = ImageAnatomy.Build([layer]);

        // Assert
        var kinds = anatomy.Kinds.ToDictionary(kind => kind.Kind, kind => (kind.Bytes, kind.FileCount));
        Assert.Equal((3_000L + 4_000 + 100, 3), kinds[ByteKind.DebugInfo]);
        Assert.Equal((7_000L, 2), kinds[ByteKind.Other]);
        Assert.Equal(anatomy.TotalBytes, anatomy.Kinds.Sum(kind => kind.Bytes));
        var group = FileGroup.OfKind(ByteKind.DebugInfo);
        Assert.Equal(kinds[ByteKind.DebugInfo].Item1, anatomy.Files.Where(group.Contains).Sum(group.BytesOf));
        Assert.Equal(7_000L, anatomy.Files.Where(FileGroup.OfKind(ByteKind.Other).Contains).Sum(FileGroup.OfKind(ByteKind.Other).BytesOf));
    }

    [Fact]
    public void Build_LayerWithoutDebugSectionsRead_CountsDebugInfoByPathAndSaysSo()
    {
        // Arrange
        var layer = new AnatomyLayers().File("/usr/bin/tool", 10_000).File("/usr/lib/debug/tool.debug", 4_000).Build();

        // Act
        var anatomy = ImageAnatomy.Build([layer]);

        // Assert
        Assert.False(anatomy.ReadDebugSections);
        Assert.Equal(4_000, anatomy.Kinds.Single(kind => kind.Kind == ByteKind.DebugInfo).Bytes);
    }

    [Fact]
    public void Build_PackageRemovedInALaterLayer_OwnsItsFilesOnlyInTheLayersWhereItWasInstalled()
    {
        // Arrange: a layer purges python3.11 (its list file is whited out), a later layer writes the same path again.
        var layers = PythonImage().Take(2).Append(new AnatomyLayers()
                .Whiteout("/var/lib/dpkg/info/python3.11.list")
                .Whiteout("/usr/bin/python3.11")
                .Database("/var/lib/dpkg/status", BaseStatus)
                .Build())
            .Append(new AnatomyLayers().File("/usr/bin/python3.11", 100).Build())
            .ToList();

        // Act
        var anatomy = ImageAnatomy.Build(layers);

        // Assert
        var python = Assert.Single(anatomy.Packages, package => package.Name == "python3.11");
        Assert.Equal([1], python.Layers.Select(layer => layer.LayerIndex));
        var rewritten = Assert.Single(anatomy.Files, file => file.LayerIndex == 3);
        Assert.Null(rewritten.Owner);
    }

    [Fact]
    public void Build_ApkPythonAndNpmDatabases_AttributeTheirFiles()
    {
        // Arrange
        var layers = new[]
        {
            new AnatomyLayers()
                .File("/lib/ld-musl-x86_64.so.1", 600_000)
                .Database("/lib/apk/db/installed", "P:musl\nV:1.2.4-r2\nF:lib\nR:ld-musl-x86_64.so.1\n")
                .Build(),
            new AnatomyLayers()
                .File("/venv/lib/python3.11/site-packages/six.py", 34_000)
                .Database("/venv/lib/python3.11/site-packages/six-1.16.0.dist-info/RECORD", "six.py,sha256=x,34000\nsix-1.16.0.dist-info/RECORD,,\n")
                .File("/app/node_modules/qs/lib/index.js", 900)
                .Database("/app/node_modules/qs/package.json", """{"name":"qs","version":"6.11.0"}""")
                .File("/app/node_modules/qs/node_modules/side/index.js", 300)
                .Database("/app/node_modules/qs/node_modules/side/package.json", """{"name":"side","version":"1.0.0"}""")
                .Build(),
        };

        // Act
        var anatomy = ImageAnatomy.Build(layers);

        // Assert
        var byName = anatomy.Packages.ToDictionary(package => package.Name);
        Assert.Equal(PackageManager.Apk, byName["musl"].Manager);
        Assert.Equal(600_000, byName["musl"].Bytes);
        Assert.Equal(PackageManager.Python, byName["six"].Manager);
        Assert.Equal(34_000 + layers[1].DatabaseFiles["/venv/lib/python3.11/site-packages/six-1.16.0.dist-info/RECORD"].Length, byName["six"].Bytes);
        Assert.Equal(900 + """{"name":"qs","version":"6.11.0"}""".Length, byName["qs"].Bytes);
        Assert.Equal(300 + """{"name":"side","version":"1.0.0"}""".Length, byName["side"].Bytes);
        Assert.Null(byName["qs"].Reason);
    }

    [Theory]
    [InlineData("/usr/local/bin/python", "/usr/local")]
    [InlineData("/app/main.py", "/app")]
    [InlineData("/hello", "/")]
    public void TopFolder_Path_IsTheFirstTwoLevels(string path, string expected)
    {
        Assert.Equal(expected, ImageAnatomy.TopFolder(path));
    }
}
