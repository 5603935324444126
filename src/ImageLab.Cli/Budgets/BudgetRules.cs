namespace ImageLab.Cli.Budgets;

/// <summary>The limits an iteration's image must keep; a null limit is not checked.</summary>
public sealed record BudgetRules
{
    public static BudgetRules None { get; } = new();

    public long? MaxSizeBytes { get; init; }

    /// <summary>Most growth against the baseline experiment's iteration, in percent.</summary>
    public double? MaxGrowthPercent { get; init; }

    /// <summary>Least efficiency (dive's score) in percent.</summary>
    public double? MinEfficiencyPercent { get; init; }

    public long? MaxWasteBytes { get; init; }

    public bool IsEmpty => MaxSizeBytes is null && MaxGrowthPercent is null && MinEfficiencyPercent is null && MaxWasteBytes is null;

    /// <summary>These rules with every limit that <paramref name="other"/> sets replacing this one's.</summary>
    public BudgetRules With(BudgetRules other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new BudgetRules
        {
            MaxSizeBytes = other.MaxSizeBytes ?? MaxSizeBytes,
            MaxGrowthPercent = other.MaxGrowthPercent ?? MaxGrowthPercent,
            MinEfficiencyPercent = other.MinEfficiencyPercent ?? MinEfficiencyPercent,
            MaxWasteBytes = other.MaxWasteBytes ?? MaxWasteBytes,
        };
    }
}
