using System.Runtime.CompilerServices;

namespace ImageLab.Core.Tests.Dockerfiles;

/// <summary>The realistic Dockerfiles under Dockerfiles/Corpus, read from the output folder or, failing that, from the source tree.</summary>
internal static class Corpus
{
    public static string Directory { get; } = Locate();

    public static IEnumerable<string> Names =>
        System.IO.Directory.EnumerateFiles(Directory, "*.Dockerfile").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static TheoryData<string> AllNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        var output = Path.Combine(AppContext.BaseDirectory, "Dockerfiles", "Corpus");
        if (System.IO.Directory.Exists(output))
        {
            return output;
        }

        return Path.Combine(Path.GetDirectoryName(sourceFile)!, "Corpus");
    }
}
