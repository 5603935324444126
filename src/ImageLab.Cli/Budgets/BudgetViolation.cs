namespace ImageLab.Cli.Budgets;

/// <summary>One broken rule: its name as on the command line (<c>max-size</c>), the iteration, and a sentence with the numbers.</summary>
public sealed record BudgetViolation(string Rule, string Iteration, string Message);
