using System.IO.Compression;
using System.Text;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>
/// A naive Python build that works offline: the full Python base, its compilers "installed" (already there, so apt
/// needs no network), and a pure-Python package installed from a local wheel that the test writes; an app imports it.
/// The multi-stage split moves the package into a virtual environment that a runtime stage copies.
/// </summary>
public sealed class PythonWheelContext : IBuildContextFolder, IDisposable
{
    public const string Greeting = "Hello from greeter";

    public const string NaiveDockerfile = """
        FROM python:3.11-bookworm
        RUN apt-get install -y gcc make
        WORKDIR /app
        COPY greeter-1.0-py3-none-any.whl .
        RUN pip install --break-system-packages --no-index greeter-1.0-py3-none-any.whl
        COPY app.py .
        CMD ["python3", "app.py"]

        """;

    private PythonWheelContext(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Writes the context; <paramref name="projectFile"/> becomes its <c>imagelab.json</c> when given.</summary>
    public static PythonWheelContext Create(string? projectFile = null)
    {
        var folder = Directory.CreateTempSubdirectory("imagelab-python-").FullName;
        File.WriteAllText(Path.Combine(folder, "Dockerfile.1-naive"), NaiveDockerfile);
        File.WriteAllText(Path.Combine(folder, "app.py"), "import greeter\nprint(greeter.hello())\n");
        WriteWheel(Path.Combine(folder, "greeter-1.0-py3-none-any.whl"));
        if (projectFile is not null)
        {
            File.WriteAllText(Path.Combine(folder, "imagelab.json"), projectFile);
        }

        return new PythonWheelContext(folder);
    }

    /// <summary>The context's files but the Dockerfile, for a build of another Dockerfile in a copy of it.</summary>
    public IEnumerable<string> ContextFiles => Directory.EnumerateFiles(Folder).Where(f => Path.GetFileName(f) != "Dockerfile.1-naive");

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    // A wheel is a zip of the package and its dist-info; pip installs it offline with --no-index.
    private static void WriteWheel(string path)
    {
        var files = new Dictionary<string, string>
        {
            ["greeter/__init__.py"] = $"def hello():\n    return \"{Greeting}\"\n",
            ["greeter-1.0.dist-info/METADATA"] = "Metadata-Version: 2.1\nName: greeter\nVersion: 1.0\n",
            ["greeter-1.0.dist-info/WHEEL"] = "Wheel-Version: 1.0\nGenerator: imagelab-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        };
        files["greeter-1.0.dist-info/RECORD"] = string.Concat(files.Keys.Append("greeter-1.0.dist-info/RECORD").Select(f => f + ",,\n"));
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in files)
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
    }
}
