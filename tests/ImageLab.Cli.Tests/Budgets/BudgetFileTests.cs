using ImageLab.Cli.Budgets;
using ImageLab.Cli.Tests.Infrastructure;

namespace ImageLab.Cli.Tests.Budgets;

public sealed class BudgetFileTests
{
    [Fact]
    public async Task LoadAsync_StarAndNamedBudgets_NamedReplacesStarRuleByRule()
    {
        using var folder = new ContextFolder(("imagelab.json", """
            {
              // comments are allowed
              "budgets": {
                "*": { "maxSize": "200MB", "maxGrowth": "5%" },
                "naive": { "maxSize": "2GB", "minEfficiency": 90, "maxWaste": "20MB" }
              }
            }
            """));

        var file = await BudgetFile.FindAsync([folder.Path], CancellationToken.None);

        Assert.NotNull(file);
        Assert.True(file.NeedsBaseline);
        Assert.Equal(new BudgetRules { MaxSizeBytes = 200_000_000, MaxGrowthPercent = 5 }, file.For("slim"));
        Assert.Equal(new BudgetRules { MaxSizeBytes = 2_000_000_000, MaxGrowthPercent = 5, MinEfficiencyPercent = 90, MaxWasteBytes = 20_000_000 }, file.For("naive"));
    }

    [Fact]
    public async Task LoadAsync_UnknownRule_UsageErrorNamingIt()
    {
        using var folder = new ContextFolder(("imagelab.json", """{ "budgets": { "*": { "maxSise": "200MB" } } }"""));

        var e = await Assert.ThrowsAsync<CliException>(() => BudgetFile.LoadAsync(Path.Combine(folder.Path, "imagelab.json"), CancellationToken.None));

        Assert.Equal(ExitCodes.Usage, e.ExitCode);
        Assert.Contains("budgets.*.maxSise is not a budget rule", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_NoFile_ReturnsNull()
    {
        using var folder = new ContextFolder(("Dockerfile", "FROM busybox"));

        Assert.Null(await BudgetFile.FindAsync([folder.Path], CancellationToken.None));
    }
}
