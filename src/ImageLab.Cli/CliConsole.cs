using ImageLab.Cli.Output;

namespace ImageLab.Cli;

/// <summary>
/// What a command reads from and writes to: the process's console and environment, or captured ones in
/// tests, so that the whole tool can run in-process. Both outputs drop terminal control characters
/// (<see cref="TerminalSafeWriter"/>), since much of what is printed comes from the server.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, Func<string, string?> environment, string workingDirectory, bool interactive = false)
    {
        Out = new TerminalSafeWriter(output);
        Error = new TerminalSafeWriter(error);
        Environment = environment;
        WorkingDirectory = workingDirectory;
        Interactive = interactive;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public Func<string, string?> Environment { get; }

    public string WorkingDirectory { get; }

    /// <summary>True on a terminal: progress lines are rewritten in place instead of appended.</summary>
    public bool Interactive { get; }

    public static CliConsole FromProcess() =>
        new(Console.Out, Console.Error, System.Environment.GetEnvironmentVariable, System.Environment.CurrentDirectory, !Console.IsOutputRedirected);

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
