using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using ImageLab.Core.BuildContexts;

namespace ImageLab.Core.Tests.BuildContexts;

public sealed class BuildContextWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("imagelab-context-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task WriteDirectoryAsync_WithDockerignore_SendsWhatDockerWould()
    {
        // Arrange
        var folder = Folder(new()
        {
            ["Dockerfile"] = "FROM busybox\nCOPY . /app\n",
            [".dockerignore"] = "# build outputs\n**/*.pyc\nnode_modules\ndocs\n!docs/keep.md\nDockerfile\n.dockerignore\n",
            ["app/main.py"] = "print('hi')\n",
            ["app/main.pyc"] = "x",
            ["node_modules/lib/index.js"] = "x",
            ["docs/keep.md"] = "keep",
            ["docs/drop.md"] = "drop",
        });

        // Act
        var (entries, summary) = await WriteAsync((s, ct) => BuildContextWriter.WriteDirectoryAsync(folder, s, new(), ct));

        // Assert
        Assert.Equal([".dockerignore", "Dockerfile", "app/", "app/main.py", "docs/keep.md"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("print('hi')\n", entries["app/main.py"]);
        Assert.Equal(4, summary.FileCount);
        Assert.Equal(4, summary.ExcludedCount);
        Assert.Equal(entries.Values.Where(v => v is not null).Sum(v => (long)Encoding.UTF8.GetByteCount(v!)), summary.TotalBytes);
    }

    [Fact]
    public async Task WriteDirectoryAsync_SymlinkInside_SentAsLink()
    {
        // Arrange
        var folder = Folder(new() { ["Dockerfile"] = "FROM busybox\n", ["data/real.txt"] = "real" });
        File.CreateSymbolicLink(Path.Combine(folder, "data", "link.txt"), "real.txt");

        // Act
        var (entries, _) = await WriteAsync((s, ct) => BuildContextWriter.WriteDirectoryAsync(folder, s, new(), ct));

        // Assert
        Assert.Equal("-> real.txt", entries["data/link.txt"]);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task WriteDirectoryAsync_SymlinkPointingOutside_ThrowsSentence(string target)
    {
        // Arrange
        var folder = Folder(new() { ["Dockerfile"] = "FROM busybox\n", ["sub/x.txt"] = "x" });
        File.CreateSymbolicLink(Path.Combine(folder, "sub", "escape"), target);

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() => WriteAsync((s, ct) => BuildContextWriter.WriteDirectoryAsync(folder, s, new(), ct)));

        // Assert
        Assert.Equal($"Symbolic link 'sub/escape' points to '{target}', outside the build context; replace it with the file itself or leave it out with .dockerignore.", error.Message);
    }

    [Fact]
    public async Task WriteDirectoryAsync_EmptyFolder_ThrowsSentence()
    {
        // Arrange
        var folder = Folder([]);

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() => WriteAsync((s, ct) => BuildContextWriter.WriteDirectoryAsync(folder, s, new(), ct)));

        // Assert
        Assert.Equal("The build context is empty: it holds no files, not even a Dockerfile.", error.Message);
    }

    [Theory]
    [InlineData("../Dockerfile", "Dockerfile path '../Dockerfile' points outside the build context.")]
    [InlineData("/etc/Dockerfile", "Dockerfile path '/etc/Dockerfile' is an absolute path; paths in a build context must be relative to it.")]
    [InlineData("missing/Dockerfile", "Dockerfile 'missing/Dockerfile' is not in the build context.")]
    [InlineData("Empty.Dockerfile", "Dockerfile 'Empty.Dockerfile' is empty (0 bytes); a Dockerfile needs at least a FROM line.")]
    public async Task WriteDirectoryAsync_BadDockerfilePath_ThrowsBeforeWritingAnything(string dockerfile, string expected)
    {
        // Arrange
        var folder = Folder(new() { ["Dockerfile"] = "FROM busybox\n", ["Empty.Dockerfile"] = string.Empty });
        var output = new MemoryStream();

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() =>
            BuildContextWriter.WriteDirectoryAsync(folder, output, new BuildContextOptions { DockerfilePaths = [dockerfile] }, CancellationToken.None));

        // Assert
        Assert.Equal(expected, error.Message);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task WriteDirectoryAsync_OverTheLimit_StopsWhileStreaming()
    {
        // Arrange
        var folder = Folder(new() { ["Dockerfile"] = "FROM busybox\n", ["a.bin"] = new string('a', 600_000), ["b.bin"] = new string('b', 600_000) });
        var output = new MemoryStream();

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() =>
            BuildContextWriter.WriteDirectoryAsync(folder, output, new BuildContextOptions { MaxTotalBytes = 1_000_000 }, CancellationToken.None));

        // Assert
        Assert.Equal("The build context is larger than the limit of 1 MB; leave out what the build does not need with a .dockerignore.", error.Message);
        Assert.InRange(output.Length, 600_000, 1_100_000);
    }

    [Theory]
    [InlineData("tar")]
    [InlineData("tar.gz")]
    [InlineData("zip")]
    public async Task WriteArchiveAsync_DockerignoreListedLast_IsStillHonoured(string kind)
    {
        // Arrange
        var archive = Archive(kind, new()
        {
            ["./Dockerfile"] = "FROM busybox\n",
            ["src/app.py"] = "print(1)\n",
            ["src/app.pyc"] = "x",
            ["secrets/key"] = "x",
            [".dockerignore"] = "**/*.pyc\nsecrets\n",
        });

        // Act
        var (entries, summary) = await WriteAsync((s, ct) => BuildContextWriter.WriteArchiveAsync(archive, s, new(), ct));

        // Assert
        Assert.Equal([".dockerignore", "Dockerfile", "src/app.py"], entries.Keys.Where(k => !k.EndsWith('/')).Order(StringComparer.Ordinal));
        Assert.Equal("print(1)\n", entries["src/app.py"]);
        Assert.Equal(2, summary.ExcludedCount);
    }

    [Theory]
    [InlineData("../evil", "Archive entry '../evil' points outside the build context.")]
    [InlineData("/etc/evil", "Archive entry '/etc/evil' is an absolute path; paths in a build context must be relative to it.")]
    public async Task WriteArchiveAsync_EntryEscapingTheContext_ThrowsSentence(string name, string expected)
    {
        // Arrange
        var archive = Archive("tar", new() { ["Dockerfile"] = "FROM busybox\n", [name] = "x" });

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() => WriteAsync((s, ct) => BuildContextWriter.WriteArchiveAsync(archive, s, new(), ct)));

        // Assert
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public async Task WriteArchiveAsync_HardLinkOutside_ThrowsSentence()
    {
        // Arrange
        var path = Path.Combine(_root, "links.tar");
        using (var file = File.Create(path))
        using (var writer = new TarWriter(file))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream("FROM busybox\n"u8.ToArray()) });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.HardLink, "passwd") { LinkName = "../../etc/passwd" });
        }

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() => WriteAsync((s, ct) => BuildContextWriter.WriteArchiveAsync(path, s, new(), ct)));

        // Assert
        Assert.Equal("Hard link 'passwd' points to '../../etc/passwd', outside the build context.", error.Message);
    }

    [Fact]
    public async Task WriteArchiveAsync_NotAnArchive_ThrowsSentence()
    {
        // Arrange
        var path = Path.Combine(_root, "garbage.tar");
        await File.WriteAllTextAsync(path, new string('x', 2000));

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() => WriteAsync((s, ct) => BuildContextWriter.WriteArchiveAsync(path, s, new(), ct)));

        // Assert
        Assert.StartsWith("The build context archive is not a valid .tar, .tar.gz or .zip file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteDirectoryAsync_DockerfilesGivenAsText_WrittenInPlaceOfTheFilesAndEveryTextReturned()
    {
        // Arrange
        var folder = Folder(new()
        {
            ["Dockerfile.v1"] = "FROM busybox\nCOPY app /app\n",
            ["Dockerfile.v2"] = "FROM busybox\n",
            ["app"] = "x",
        });
        var options = new BuildContextOptions
        {
            DockerfilePaths = ["Dockerfile.v1", "Dockerfile.v2", "sub/Dockerfile.v3"],
            DockerfileTexts = new Dictionary<string, string> { ["Dockerfile.v2"] = "FROM scratch\n", ["./sub/Dockerfile.v3"] = "FROM scratch\nCOPY app /\n" },
        };

        // Act
        var (entries, summary) = await WriteAsync((s, ct) => BuildContextWriter.WriteDirectoryAsync(folder, s, options, ct));

        // Assert
        Assert.Equal(["Dockerfile.v1", "Dockerfile.v2", "app", "sub/Dockerfile.v3"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("FROM scratch\n", entries["Dockerfile.v2"]);
        Assert.Equal(
            new Dictionary<string, string?> { ["Dockerfile.v1"] = "FROM busybox\nCOPY app /app\n", ["Dockerfile.v2"] = "FROM scratch\n", ["sub/Dockerfile.v3"] = "FROM scratch\nCOPY app /\n" },
            summary.DockerfileTexts);
        Assert.Equal(4, summary.FileCount);
        Assert.Equal(0, summary.ExcludedCount);
    }

    [Fact]
    public async Task WriteDirectoryAsync_DockerfileOverTheDockerfileLimit_WrittenWithoutItsText()
    {
        // Arrange
        var huge = "FROM busybox\n" + new string('#', ImageLab.Core.Dockerfiles.DockerfileLimits.MaxBytes);
        var folder = Folder(new() { ["Dockerfile"] = huge });

        // Act
        var (written, summary) = await WriteAsync((s, ct) => BuildContextWriter.WriteDirectoryAsync(folder, s, new(), ct));

        // Assert
        Assert.Equal(huge, written["Dockerfile"]);
        Assert.Null(summary.DockerfileTexts["Dockerfile"]);
    }

    [Fact]
    public async Task BuildContextStream_WriterFails_ReaderSeesTheFailure()
    {
        // Arrange
        var folder = Folder(new() { ["Dockerfile"] = "FROM busybox\n", ["big.bin"] = new string('x', 300_000) });
        var options = new BuildContextOptions { MaxTotalBytes = 100_000 };
        await using var stream = BuildContextStream.Start((s, ct) => BuildContextWriter.WriteDirectoryAsync(folder, s, options, ct), CancellationToken.None);

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() => stream.CopyToAsync(Stream.Null));

        // Assert
        Assert.StartsWith("The build context is larger than the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteArchiveAsync_ManyEmptyFilesWithLongNames_HeadersCountAgainstTheLimit()
    {
        // Arrange: 5,000 empty files with 200-character names: no content at all, about 3.5 MB of headers once unpacked.
        var archive = Path.Combine(_root, "empty-files.tar.gz");
        await using (var file = File.Create(archive))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream("FROM busybox\n"u8.ToArray()) });
            for (var i = 0; i < 5_000; i++)
            {
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, $"d/{i:D6}-{new string('n', 190)}"));
            }
        }

        var options = new BuildContextOptions { MaxTotalBytes = 1_000_000 };

        // Act
        var listing = await Assert.ThrowsAsync<BuildContextException>(() => BuildContextWriter.ListArchiveAsync(archive, options.MaxTotalBytes, CancellationToken.None));
        var writing = await Assert.ThrowsAsync<BuildContextException>(() => BuildContextWriter.WriteArchiveAsync(archive, Stream.Null, options, CancellationToken.None));

        // Assert
        Assert.True(listing.TooLarge);
        Assert.True(writing.TooLarge);
        Assert.StartsWith("The build context is larger than the limit of 1 MB", writing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteArchiveAsync_HugePaxRecord_CountsAgainstTheLimit()
    {
        // Arrange: one PAX extended header of 4 MB (a gzip of it is a few KB) in front of a tiny file.
        var archive = Path.Combine(_root, "pax.tar.gz");
        await using (var file = File.Create(archive))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream("FROM busybox\n"u8.ToArray()) });
            var attributes = new Dictionary<string, string> { ["comment"] = new string('x', 4 * 1024 * 1024) };
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "a.txt", attributes));
        }

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() =>
            BuildContextWriter.WriteArchiveAsync(archive, Stream.Null, new BuildContextOptions { MaxTotalBytes = 1_000_000 }, CancellationToken.None));

        // Assert
        Assert.True(error.TooLarge);
        Assert.Contains("once unpacked (contents, headers and names count)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteArchiveAsync_ZipSymlinkWithAHugeTarget_RefusedWithoutReadingIt()
    {
        // Arrange: a zip "symbolic link" whose target expands to 64 MB (a few KB deflated).
        var archive = Path.Combine(_root, "link.zip");
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
        {
            using (var dockerfile = zip.CreateEntry("Dockerfile").Open())
            {
                dockerfile.Write("FROM busybox\n"u8);
            }

            var link = zip.CreateEntry("link");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            using var target = link.Open();
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (var i = 0; i < 64; i++)
            {
                target.Write(chunk);
            }
        }

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() =>
            BuildContextWriter.WriteArchiveAsync(archive, Stream.Null, new BuildContextOptions { MaxTotalBytes = 1_000_000 }, CancellationToken.None));

        // Assert
        Assert.Equal("Symbolic link 'link' in the archive has a target longer than 4096 bytes, which no path is.", error.Message);
    }

    [Fact]
    public async Task WriteDirectoryAsync_ManyEmptyFiles_HeadersCountAgainstTheLimit()
    {
        // Arrange: 3,000 empty files cost 3,000 tar headers (1.5 MB) though their contents are nothing.
        var files = Enumerable.Range(0, 3_000).ToDictionary(i => $"f{i}", _ => "");
        files["Dockerfile"] = "FROM busybox\n";
        var folder = Folder(files);

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() =>
            BuildContextWriter.WriteDirectoryAsync(folder, Stream.Null, new BuildContextOptions { MaxTotalBytes = 1_000_000 }, CancellationToken.None));

        // Assert
        Assert.True(error.TooLarge);
    }

    private string Folder(Dictionary<string, string> files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N"))).FullName;
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return folder;
    }

    private string Archive(string kind, Dictionary<string, string> files)
    {
        var path = Path.Combine(_root, $"context-{Guid.NewGuid():N}.{kind}");
        using var file = File.Create(path);
        if (kind == "zip")
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Create);
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }

            return path;
        }

        using Stream output = kind == "tar.gz" ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var writer = new TarWriter(output);
        foreach (var (name, content) in files)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
        }

        return path;
    }

    /// <summary>Writes a context to memory and reads it back: file contents, "-> target" for links, null for folders.</summary>
    private static async Task<(Dictionary<string, string?> Entries, BuildContextSummary Summary)> WriteAsync(Func<Stream, CancellationToken, Task<BuildContextSummary>> write)
    {
        var output = new MemoryStream();
        var summary = await write(output, CancellationToken.None);
        output.Position = 0;
        var entries = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var reader = new TarReader(output);
        while (reader.GetNextEntry() is { } entry)
        {
            entries[entry.Name] = entry.EntryType switch
            {
                TarEntryType.Directory => null,
                TarEntryType.SymbolicLink => "-> " + entry.LinkName,
                _ => new StreamReader(entry.DataStream!).ReadToEnd(),
            };
        }

        return (entries, summary);
    }
}
