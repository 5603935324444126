using System.CommandLine;
using ImageLab.Cli.Budgets;

namespace ImageLab.Cli.Commands;

/// <summary><c>imagelab budget ID</c>: checks an experiment against size budgets; exits 1 naming each broken rule.</summary>
public static class BudgetCommand
{
    public static Command Create(CliConsole console)
    {
        var id = CommonOptions.ExperimentId();
        var maxSize = new Option<string?>("--max-size") { Description = "Largest image size, e.g. 200MB" };
        var maxGrowth = new Option<string?>("--max-growth") { Description = "Most growth against the baseline experiment, e.g. 5%" };
        var minEfficiency = new Option<string?>("--min-efficiency") { Description = "Least efficiency (dive's score) in percent, e.g. 90" };
        var maxWaste = new Option<string?>("--max-waste") { Description = "Most wasted bytes (files overwritten or deleted by later layers), e.g. 20MB" };
        var baseline = new Option<bool>("--baseline") { Description = "Compare with the project's baseline experiment (implied by --max-growth)" };
        var budgets = new Option<string?>("--budgets") { Description = "A budget file (default without limit options: imagelab.json in the current folder)" };
        var command = new Command("budget", "Check an experiment against its size budget")
        {
            id, maxSize, maxGrowth, minEfficiency, maxWaste, baseline, budgets,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rules = new BudgetRules
            {
                MaxSizeBytes = parse.GetValue(maxSize) is { } size ? Quantities.ParseSize(size, "--max-size") : null,
                MaxGrowthPercent = parse.GetValue(maxGrowth) is { } growth ? Quantities.ParsePercent(growth, "--max-growth") : null,
                MinEfficiencyPercent = parse.GetValue(minEfficiency) is { } efficiency ? Quantities.ParsePercent(efficiency, "--min-efficiency") : null,
                MaxWasteBytes = parse.GetValue(maxWaste) is { } waste ? Quantities.ParseSize(waste, "--max-waste") : null,
            };
            var file = parse.GetValue(budgets) is { } path
                ? await BudgetFile.LoadAsync(console.ResolvePath(path), cancellationToken)
                : rules.IsEmpty ? await BudgetFile.FindAsync([console.WorkingDirectory], cancellationToken) : null;
            Func<string, BudgetRules> rulesFor = file is null ? _ => rules : name => file.For(name).With(rules);
            if (rules.IsEmpty && (file is null || file.IsEmpty))
            {
                throw new CliException("There is no budget to check: give --max-size, --max-growth, --min-efficiency or --max-waste, or keep budgets in imagelab.json.");
            }

            var needsBaseline = parse.GetValue(baseline) || rules.MaxGrowthPercent is not null || file?.NeedsBaseline == true;
            using var client = CommonOptions.CreateClient(parse, console);
            var report = await client.GetReportAsync(parse.GetValue(id), needsBaseline ? "auto" : null, cancellationToken);
            var result = BudgetEvaluator.Evaluate(report, rulesFor);
            BudgetEvaluator.Print(result, console);
            return result.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
