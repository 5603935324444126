using System.Diagnostics;
using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

public sealed class SuggestionPatchTests
{
    private const string Naive = "FROM debian:12\n# tools\nRUN apt-get update\nRUN apt-get install -y gcc\nCOPY . /src\nWORKDIR /src\nRUN make\nCMD [\"/src/app\"]\n";

    [Fact]
    public void Create_OneChangedLine_OneHunkWithThreeLinesOfContext()
    {
        // Arrange
        var suggested = Naive.Replace("install -y gcc", "install -y --no-install-recommends gcc", StringComparison.Ordinal);

        // Act
        var patch = SuggestionPatch.Create("Dockerfile", Naive, suggested);

        // Assert
        Assert.Equal(
            "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,7 +1,7 @@\n FROM debian:12\n # tools\n RUN apt-get update\n-RUN apt-get install -y gcc\n+RUN apt-get install -y --no-install-recommends gcc\n COPY . /src\n WORKDIR /src\n RUN make\n",
            patch);
    }

    [Fact]
    public void Create_SameText_Empty()
    {
        // Act
        var patch = SuggestionPatch.Create("Dockerfile", Naive, Naive);

        // Assert
        Assert.Equal("", patch);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Create_AppliedByPatch_GivesTheSuggestedText(string before, string after)
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("imagelab-patch-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Dockerfile.1-naive"), before);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "imagelab.patch"), SuggestionPatch.Create("Dockerfile.1-naive", before, after));

            // Act
            var exitCode = await RunAsync(folder.FullName, "patch", "-p1", "--batch", "--input", "imagelab.patch");

            // Assert
            Assert.Equal(0, exitCode);
            Assert.Equal(after, await File.ReadAllTextAsync(Path.Combine(folder.FullName, "Dockerfile.1-naive")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("git", "apply")]
    [InlineData("patch", "-p1", "--batch", "--input")]
    public async Task Create_NewFile_AppliedItCreatesTheFile(string tool, params string[] arguments)
    {
        // Arrange
        const string ignore = "# large\nmodels/weights.bin\n";
        var folder = Directory.CreateTempSubdirectory("imagelab-patch-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "imagelab.patch"), SuggestionPatch.Create(".dockerignore", null, ignore));

            // Act
            var exitCode = await RunAsync(folder.FullName, tool, [.. arguments, "imagelab.patch"]);

            // Assert
            Assert.Equal(0, exitCode);
            Assert.Equal(ignore, await File.ReadAllTextAsync(Path.Combine(folder.FullName, ".dockerignore")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static TheoryData<string, string> Pairs() => new()
    {
        // Lines joined, a stage added in front, a cleanup appended: changes at the head, middle and tail.
        { Naive, "FROM debian:12 AS build\n# tools\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nCOPY . /src\nWORKDIR /src\nRUN make\n\nFROM debian:12-slim\nCOPY --from=build /src/app /src/app\nCMD [\"/src/app\"]\n" },
        // Changes far apart: two hunks.
        { string.Concat(Enumerable.Range(1, 30).Select(i => $"RUN echo {i}\n")), string.Concat(Enumerable.Range(1, 30).Select(i => i is 3 or 27 ? $"RUN echo {i} changed\n" : $"RUN echo {i}\n")) },
        // No newline at the end of either text.
        { "FROM a\nRUN x", "FROM a\nRUN y" },
        { "FROM a\nRUN x", "FROM a\nRUN x\n" },
        // Everything removed but one line, and a text that grows from one line.
        { Naive, "FROM scratch\n" },
        { "FROM scratch\n", Naive },
    };

    private static async Task<int> RunAsync(string folder, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
