namespace ImageLab.Cli.Budgets;

/// <summary>The outcome of a budget check: the broken rules and the rules that could not be checked, with why.</summary>
public sealed record BudgetResult(IReadOnlyList<BudgetViolation> Broken, IReadOnlyList<string> NotChecked, int ChecksPassed)
{
    public bool Passed => Broken.Count == 0;
}
