using System.Globalization;
using ImageLab.Core.Experiments;
using ImageLab.Core.Formatting;
using ImageLab.Core.Reports;

namespace ImageLab.Cli.Budgets;

/// <summary>Checks every iteration of a report against its budget.</summary>
public static class BudgetEvaluator
{
    public static BudgetResult Evaluate(ExperimentReport report, Func<string, BudgetRules> rulesFor)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rulesFor);
        var broken = new List<BudgetViolation>();
        var notChecked = new List<string>();
        var passed = 0;
        foreach (var row in report.Iterations)
        {
            var rules = rulesFor(row.Name);
            if (rules.IsEmpty)
            {
                continue;
            }

            if (row.Status != IterationStatus.Succeeded)
            {
                var why = row.Status.IsFinal() ? row.Error ?? "no reason was given" : "it has not finished; wait with `imagelab watch`";
                broken.Add(new BudgetViolation("build", row.Name, $"build: {row.Name} is {row.Status.ToString().ToLowerInvariant()}, so its budget cannot hold ({why.TrimEnd('.')})."));
                continue;
            }

            void Check(string rule, bool applies, bool measured, string unmeasuredWhy, bool ok, string message)
            {
                if (!applies)
                {
                    return;
                }

                if (!measured)
                {
                    notChecked.Add($"{rule}: {row.Name} was not checked: {unmeasuredWhy}.");
                }
                else if (ok)
                {
                    passed++;
                }
                else
                {
                    broken.Add(new BudgetViolation(rule, row.Name, message));
                }
            }

            var size = row.SizeBytes ?? 0;
            Check("max-size", rules.MaxSizeBytes is not null, row.SizeBytes is not null, "its size is unknown",
                size <= rules.MaxSizeBytes,
                $"max-size: {row.Name} is {Bytes(size)}, above the budget of {Bytes(rules.MaxSizeBytes ?? 0)} by {Bytes(size - (rules.MaxSizeBytes ?? 0))}.");

            var growth = row.ChangeFromBaselinePercent ?? 0;
            Check("max-growth", rules.MaxGrowthPercent is not null, row.ChangeFromBaselinePercent is not null,
                report.Baseline is null ? "there is no baseline experiment to compare with" : $"baseline experiment {report.Baseline.ExperimentId} has no iteration to match it",
                growth <= rules.MaxGrowthPercent,
                string.Create(CultureInfo.InvariantCulture,
                    $"max-growth: {row.Name} grew {growth:+0.0;-0.0}% against baseline experiment {report.Baseline?.ExperimentId} ({Bytes(row.BaselineSizeBytes ?? 0)} -> {Bytes(size)}), above the budget of {Quantities.Percent(rules.MaxGrowthPercent ?? 0)}."));

            var efficiency = (row.Efficiency ?? 0) * 100;
            Check("min-efficiency", rules.MinEfficiencyPercent is not null, row.Efficiency is not null, "its layers were not analyzed",
                efficiency >= rules.MinEfficiencyPercent,
                string.Create(CultureInfo.InvariantCulture,
                    $"min-efficiency: {row.Name} has an efficiency of {efficiency:0.0}%, below the budget of {Quantities.Percent(rules.MinEfficiencyPercent ?? 0)}."));

            var waste = row.WastedBytes ?? 0;
            Check("max-waste", rules.MaxWasteBytes is not null, row.WastedBytes is not null, "its layers were not analyzed",
                waste <= rules.MaxWasteBytes,
                $"max-waste: {row.Name} wastes {Bytes(waste)}, above the budget of {Bytes(rules.MaxWasteBytes ?? 0)}.");
        }

        return new BudgetResult(broken, notChecked, passed);
    }

    /// <summary>Prints the result: each broken rule on its own line, then what could not be checked.</summary>
    public static void Print(BudgetResult result, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(console);
        foreach (var note in result.NotChecked)
        {
            console.Error.WriteLine("note: " + note);
        }

        if (result.Passed)
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Budget kept: {result.ChecksPassed} check(s) passed."));
            return;
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Budget broken: {result.Broken.Count} rule(s) broken, {result.ChecksPassed} passed."));
        foreach (var violation in result.Broken)
        {
            console.Out.WriteLine("  " + violation.Message);
        }
    }

    private static string Bytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{ByteSize.Format(bytes)} ({bytes:N0} bytes)");
}
