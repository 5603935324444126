using System.CommandLine;
using System.CommandLine.Help;
using ImageLab.Cli.Commands;

namespace ImageLab.Cli;

/// <summary>The <c>imagelab</c> command line: parses, runs a command and maps every outcome to an exit code.</summary>
public static class CliApplication
{
    /// <summary>The tool's name in usage lines, whatever the process is called (<c>dotnet run</c> runs <c>ImageLab.Cli.dll</c>).</summary>
    public const string ToolName = "imagelab";

    public static Command CreateRootCommand(CliConsole console)
    {
        // A command named like the tool rather than RootCommand, whose name is the executable's; --help and --version
        // are what RootCommand would add.
        var root = new Command(ToolName, "ImageLab from the command line and CI: submit builds, follow them live, report, lint and enforce size budgets.")
        {
            new HelpOption(),
            new VersionOption(),
            WithServerOptions(SubmitCommand.Create(console)),
            WithServerOptions(WatchCommand.Create(console)),
            WithServerOptions(ShowCommand.Create(console)),
            WithServerOptions(CompareCommand.Create(console)),
            LintCommand.Create(console),
            WithServerOptions(BudgetCommand.Create(console)),
            WithServerOptions(SuggestCommand.Create(console)),
        };
        return root;
    }

    // --url and --token only where a command talks to the server: lint runs locally and does not list them.
    private static Command WithServerOptions(Command command)
    {
        command.Options.Add(CommonOptions.Url);
        command.Options.Add(CommonOptions.Token);
        return command;
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
