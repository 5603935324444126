namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>
/// A naive C build that works offline: the full Python base (it has gcc and libc6-dev, whose <c>libc.a</c> links a static
/// program) compiles a hello program with a plain dynamic link and runs it. The suggestion splits off the compiler, links
/// the program statically and puts it on <c>scratch</c>.
/// </summary>
public sealed class StaticCContext : IBuildContextFolder, IDisposable
{
    public const string Greeting = "Hello from a C program";

    public const string NaiveDockerfile = """
        FROM python:3.11-bookworm
        COPY hello.c .
        RUN gcc -O2 -o hello hello.c
        CMD ["/hello"]

        """;

    private StaticCContext(string folder) => Folder = folder;

    public string Folder { get; }

    public IEnumerable<string> ContextFiles => Directory.EnumerateFiles(Folder).Where(f => Path.GetFileName(f) != "Dockerfile.1-naive");

    public static StaticCContext Create()
    {
        var folder = Directory.CreateTempSubdirectory("imagelab-c-").FullName;
        File.WriteAllText(Path.Combine(folder, "Dockerfile.1-naive"), NaiveDockerfile);
        File.WriteAllText(Path.Combine(folder, "hello.c"), $"#include <stdio.h>\n\nint main(void)\n{{\n    puts(\"{Greeting}\");\n    return 0;\n}}\n");
        return new StaticCContext(folder);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
