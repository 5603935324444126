using ImageLab.Cli;

namespace ImageLab.Cli.Tests.Infrastructure;

/// <summary>Runs the <c>imagelab</c> command line in-process, with captured output and a given environment.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(workingDirectory, environment, new SharedOutput(), args);

    /// <summary>Runs with a given output writer, which a test may read while the command still runs.</summary>
    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, SharedOutput output, string[] args)
    {
        var error = new SharedOutput();
        var console = new CliConsole(
            output,
            error,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            workingDirectory);
        var exitCode = await CliApplication.RunAsync(args, console, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunHereAsync(params string[] args) => RunAsync(Directory.GetCurrentDirectory(), null, args);

    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- error ---\n{Error}";
}
