using System.CommandLine;
using System.Text.Json;
using ImageLab.Cli.Lint;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Reports;

namespace ImageLab.Cli.Commands;

/// <summary><c>imagelab lint DOCKERFILE...</c>: the Dockerfile advisor, locally, as text, JSON or SARIF 2.1.0.</summary>
public static class LintCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("DOCKERFILE") { Description = "Dockerfiles to check", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text (default), json or sarif", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at least: error, warning (default), info, or never", DefaultValueFactory = _ => "warning" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "never");
        var command = new Command("lint", "Check Dockerfiles for size mistakes with ImageLab's advisor (no server needed)") { files, format, failOn };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var advisor = new DockerfileAdvisor();
            var linted = new List<LintedFile>();
            foreach (var file in parse.GetRequiredValue(files))
            {
                string text;
                try
                {
                    text = await File.ReadAllTextAsync(console.ResolvePath(file), cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"The Dockerfile '{file}' cannot be read: {e.Message}");
                }

                linted.Add(new LintedFile(file, advisor.Analyze(text).Findings));
            }

            switch (parse.GetRequiredValue(format))
            {
                case "sarif":
                    console.Out.WriteLine(SarifLog.Write(linted));
                    break;
                case "json":
                    console.Out.WriteLine(JsonSerializer.Serialize(linted, ReportJson.Options));
                    break;
                default:
                    WriteText(linted, console);
                    break;
            }

            FindingSeverity? threshold = parse.GetRequiredValue(failOn) switch
            {
                "error" => FindingSeverity.Error,
                "info" => FindingSeverity.Info,
                "never" => null,
                _ => FindingSeverity.Warning,
            };
            return threshold is { } least && linted.SelectMany(l => l.Findings).Any(f => f.Severity >= least) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(List<LintedFile> linted, CliConsole console)
    {
        foreach (var file in linted)
        {
            foreach (var finding in file.Findings)
            {
                console.Out.WriteLine($"{file.Path}:{finding.Line}: {finding.Severity.ToString().ToLowerInvariant()} {finding.RuleId}: {finding.Message}");
                console.Out.WriteLine($"    fix: {finding.Fix}");
            }
        }

        var count = linted.Sum(l => l.Findings.Count);
        console.Out.WriteLine(count == 0 ? "No findings." : $"{count} finding(s) in {linted.Count(l => l.Findings.Count > 0)} of {linted.Count} Dockerfile(s).");
    }
}
