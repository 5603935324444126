using System.CommandLine;
using ImageLab.Cli.Commands;

namespace ImageLab.Cli;

/// <summary>The <c>imagelab</c> command line: parses, runs a command and maps every outcome to an exit code.</summary>
public static class CliApplication
{
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("ImageLab from the command line and CI: submit builds, follow them live, report, lint and enforce size budgets.")
        {
            CommonOptions.Url,
            CommonOptions.Token,
            SubmitCommand.Create(console),
            WatchCommand.Create(console),
            ShowCommand.Create(console),
            CompareCommand.Create(console),
            LintCommand.Create(console),
            BudgetCommand.Create(console),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var parse = CreateRootCommand(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            await console.Error.WriteLineAsync("Run 'imagelab --help' for the commands and their options.");
            return ExitCodes.Usage;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Failed;
        }
    }
}
