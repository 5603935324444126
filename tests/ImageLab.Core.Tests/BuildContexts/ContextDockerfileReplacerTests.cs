using System.Formats.Tar;
using System.Text;
using ImageLab.Core.BuildContexts;
using ImageLab.Core.Tests.Layers;

namespace ImageLab.Core.Tests.BuildContexts;

public sealed class ContextDockerfileReplacerTests
{
    [Fact]
    public async Task Replace_StoredContext_DockerfileHasTheNewTextAndEveryOtherFileIsKept()
    {
        // Arrange
        var big = new string('x', (1 << 20) + 17);
        var files = new Dictionary<string, string> { ["Dockerfile.1-naive"] = "FROM a\n", ["data.txt"] = "data\n", ["big.bin"] = big };
        using var tar = await WriteContextAsync(files, new BuildContextOptions { DockerfilePaths = ["Dockerfile.1-naive"] });

        // Act
        await using var replaced = ContextDockerfileReplacer.Replace(new NonSeekableReadStream(tar.ToArray()), "Dockerfile.1-naive", "FROM b\nRUN true\n", null, CancellationToken.None);
        var read = await ReadAllAsync(replaced);

        // Assert
        Assert.Equal("FROM b\nRUN true\n", read["Dockerfile.1-naive"]);
        Assert.Equal("data\n", read["data.txt"]);
        Assert.Equal(big, read["big.bin"]);
        Assert.Equal(3, read.Count);
    }

    [Fact]
    public async Task Replace_NewDockerignore_WrittenAndWhatItExcludesIsLeftOut()
    {
        // Arrange: the Dockerfile and the .dockerignore are sent even when it names them, as the docker client sends them.
        var files = new Dictionary<string, string> { ["Dockerfile"] = "FROM a\n", [".dockerignore"] = ".git\n", ["models/weights.bin"] = "w", ["models/config.json"] = "{}", ["app.sh"] = "x" };
        using var tar = await WriteContextAsync(files, new BuildContextOptions());
        const string ignore = ".git\nmodels/weights.bin\nDockerfile\n.dockerignore\n";

        // Act
        await using var replaced = ContextDockerfileReplacer.Replace(new NonSeekableReadStream(tar.ToArray()), "Dockerfile", "FROM b\n", ignore, CancellationToken.None);
        var read = await ReadAllAsync(replaced);

        // Assert
        Assert.Equal(ignore, read[".dockerignore"]);
        Assert.Equal("FROM b\n", read["Dockerfile"]);
        Assert.Equal(["{}", "x"], [read["models/config.json"], read["app.sh"]]);
        Assert.DoesNotContain("models/weights.bin", read.Keys);
    }

    [Fact]
    public async Task ReadInventory_StoredContext_ListsEachFileWithItsSizeAndTheDockerignore()
    {
        // Arrange
        var files = new Dictionary<string, string> { ["Dockerfile"] = "FROM a\n", [".dockerignore"] = "\uFEFF*.log\r\n", ["models/weights.bin"] = "wwww" };
        using var tar = await WriteContextAsync(files, new BuildContextOptions());

        // Act
        var inventory = await ContextInventory.ReadAsync(new NonSeekableReadStream(tar.ToArray()), CancellationToken.None);

        // Assert
        Assert.Equal("\uFEFF*.log\r\n", inventory.DockerIgnore);
        Assert.Equal(4, inventory.Files.Single(f => f.Path == "models/weights.bin").SizeBytes);
        Assert.Equal(3, inventory.Files.Count);
    }

    [Fact]
    public async Task Replace_DockerfileFirst_FirstHeaderIsPlainUstarSoTheEngineSeesATar()
    {
        // Arrange: BuildKit takes a body whose first header is a PAX extended header for a bare Dockerfile.
        using var tar = await WriteContextAsync(new Dictionary<string, string> { ["Dockerfile"] = "FROM a\n" }, new BuildContextOptions());

        // Act
        await using var replaced = ContextDockerfileReplacer.Replace(new NonSeekableReadStream(tar.ToArray()), "Dockerfile", "FROM b\n", null, CancellationToken.None);
        var first = new byte[512];
        await replaced.ReadExactlyAsync(first);

        // Assert
        Assert.Equal((byte)'0', first[156]);
        Assert.Equal("Dockerfile", Encoding.ASCII.GetString(first, 0, 10));
    }

    private static async Task<MemoryStream> WriteContextAsync(IReadOnlyDictionary<string, string> files, BuildContextOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("imagelab-replacer-");
        try
        {
            foreach (var (name, text) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder.FullName, name))!);
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), text);
            }

            var tar = new MemoryStream();
            await BuildContextWriter.WriteDirectoryAsync(folder.FullName, tar, options, CancellationToken.None);
            return tar;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, string>> ReadAllAsync(Stream stream)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.DataStream is { } data)
            {
                using var text = new StreamReader(data);
                files[ContextPath.Clean(entry.Name)] = await text.ReadToEndAsync();
            }
        }

        return files;
    }
}
