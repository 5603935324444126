using ImageLab.Cli.Budgets;
using ImageLab.Cli.Tests.Reports;
using ImageLab.Core.Experiments;
using ImageLab.Core.Reports;

namespace ImageLab.Cli.Tests.Budgets;

public sealed class BudgetEvaluatorTests
{
    [Fact]
    public void Evaluate_WithinEveryLimit_Passes()
    {
        var report = new ReportBuilder().Build(SampleReports.Experiment(2, ("slim", 150_000_000, IterationStatus.Succeeded)), null, null, null);

        var result = BudgetEvaluator.Evaluate(report, _ => new BudgetRules { MaxSizeBytes = 200_000_000 });

        Assert.True(result.Passed);
        Assert.Equal(1, result.ChecksPassed);
    }

    [Fact]
    public void Evaluate_SizeAboveLimit_NamesRuleIterationAndNumbers()
    {
        var report = new ReportBuilder().Build(SampleReports.Experiment(2, ("slim", 250_000_000, IterationStatus.Succeeded)), null, null, null);

        var result = BudgetEvaluator.Evaluate(report, _ => new BudgetRules { MaxSizeBytes = 200_000_000 });

        var violation = Assert.Single(result.Broken);
        Assert.Equal("max-size", violation.Rule);
        Assert.Equal("max-size: slim is 250 MB (250,000,000 bytes), above the budget of 200 MB (200,000,000 bytes) by 50 MB (50,000,000 bytes).", violation.Message);
    }

    [Fact]
    public void Evaluate_GrowthAboveLimit_ComparesWithBaselineIterationOfSameName()
    {
        var baseline = SampleReports.Experiment(1, ("naive", 1_000_000_000, IterationStatus.Succeeded), ("slim", 100_000_000, IterationStatus.Succeeded));
        var current = SampleReports.Experiment(2, ("slim", 110_000_000, IterationStatus.Succeeded));
        var report = new ReportBuilder().Build(current, baseline, "branch=main", null);

        var result = BudgetEvaluator.Evaluate(report, _ => new BudgetRules { MaxGrowthPercent = 5 });

        var violation = Assert.Single(result.Broken);
        Assert.Equal("max-growth", violation.Rule);
        Assert.Contains("slim grew +10.0% against baseline experiment 1 (100 MB (100,000,000 bytes) -> 110 MB (110,000,000 bytes)), above the budget of 5%", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GrowthWithoutBaseline_NotCheckedAndPasses()
    {
        var report = new ReportBuilder().Build(SampleReports.Experiment(2, ("slim", 110_000_000, IterationStatus.Succeeded)), null, null, null);

        var result = BudgetEvaluator.Evaluate(report, _ => new BudgetRules { MaxGrowthPercent = 5 });

        Assert.True(result.Passed);
        Assert.Contains("no baseline experiment", Assert.Single(result.NotChecked), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EfficiencyAndWaste_CheckedWhenAnalyzed()
    {
        var experiment = SampleReports.Experiment(2, ("slim", 110_000_000, IterationStatus.Succeeded));
        experiment = experiment with { Iterations = [experiment.Iterations[0] with { Efficiency = 0.85, WastedBytes = 30_000_000 }] };
        var report = new ReportBuilder().Build(experiment, null, null, null);

        var result = BudgetEvaluator.Evaluate(report, _ => new BudgetRules { MinEfficiencyPercent = 90, MaxWasteBytes = 20_000_000 });

        Assert.Equal(["min-efficiency", "max-waste"], result.Broken.Select(b => b.Rule));
        Assert.Contains("efficiency of 85.0%, below the budget of 90%", result.Broken[0].Message, StringComparison.Ordinal);
        Assert.Contains("wastes 30 MB (30,000,000 bytes), above the budget of 20 MB", result.Broken[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EfficiencyNotAnalyzed_NotChecked()
    {
        var report = new ReportBuilder().Build(SampleReports.Experiment(2, ("slim", 110_000_000, IterationStatus.Succeeded)), null, null, null);

        var result = BudgetEvaluator.Evaluate(report, _ => new BudgetRules { MinEfficiencyPercent = 90 });

        Assert.True(result.Passed);
        Assert.Contains("not analyzed", Assert.Single(result.NotChecked), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FailedIteration_BreaksBuildRule()
    {
        var report = new ReportBuilder().Build(SampleReports.Experiment(2, ("slim", null, IterationStatus.Failed)), null, null, null);

        var result = BudgetEvaluator.Evaluate(report, _ => new BudgetRules { MaxSizeBytes = 1 });

        Assert.Equal("build", Assert.Single(result.Broken).Rule);
    }

    [Fact]
    public void Evaluate_PerIterationRules_OnlyThatIterationChecked()
    {
        var report = new ReportBuilder().Build(
            SampleReports.Experiment(2, ("naive", 1_000_000_000, IterationStatus.Succeeded), ("slim", 100_000_000, IterationStatus.Succeeded)), null, null, null);

        var result = BudgetEvaluator.Evaluate(report, name => name == "slim" ? new BudgetRules { MaxSizeBytes = 200_000_000 } : BudgetRules.None);

        Assert.True(result.Passed);
        Assert.Equal(1, result.ChecksPassed);
    }
}
