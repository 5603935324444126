using System.Text.Json;

namespace ImageLab.Cli.Budgets;

/// <summary>
/// <c>imagelab.json</c>: budgets kept in the repository, for all iterations (<c>"*"</c>) and per iteration name:
/// <code>{ "budgets": { "*": { "maxSize": "200MB", "maxGrowth": "5%" }, "slim": { "maxSize": "400MB", "minEfficiency": 90, "maxWaste": "20MB" } } }</code>
/// A named iteration's limits replace those of <c>"*"</c> one by one.
/// </summary>
public sealed class BudgetFile
{
    public const string FileName = "imagelab.json";

    private readonly Dictionary<string, BudgetRules> _budgets;

    private BudgetFile(string path, Dictionary<string, BudgetRules> budgets)
    {
        Path = path;
        _budgets = budgets;
    }

    public string Path { get; }

    public bool IsEmpty => _budgets.Values.All(b => b.IsEmpty);

    public BudgetRules For(string iteration) =>
        (_budgets.GetValueOrDefault("*") ?? BudgetRules.None).With(_budgets.GetValueOrDefault(iteration) ?? BudgetRules.None);

    public bool NeedsBaseline => _budgets.Values.Any(b => b.MaxGrowthPercent is not null);

    /// <summary>Whether a rule reads the layer analysis (efficiency, waste), which ends after the build.</summary>
    public bool NeedsAnalysis => _budgets.Values.Any(b => b.MinEfficiencyPercent is not null || b.MaxWasteBytes is not null);

    /// <summary>The first <c>imagelab.json</c> of the folders, or null when none has one.</summary>
    public static async Task<BudgetFile?> FindAsync(IEnumerable<string> folders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folders);
        foreach (var folder in folders)
        {
            var path = System.IO.Path.Combine(folder, FileName);
            if (File.Exists(path))
            {
                return await LoadAsync(path, cancellationToken);
            }
        }

        return null;
    }

    public static async Task<BudgetFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = File.OpenRead(path);
            await using (stream)
            {
                using var document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }, cancellationToken);
                return Parse(path, document.RootElement);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliException(ExitCodes.Usage, $"The budget file {path} cannot be read: {e.Message}", e);
        }
    }

    private static BudgetFile Parse(string path, JsonElement root)
    {
        var budgets = new Dictionary<string, BudgetRules>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("budgets", out var section))
        {
            return new BudgetFile(path, budgets);
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new CliException($"{path}: 'budgets' must be an object of iteration names (or \"*\") to limits.");
        }

        foreach (var budget in section.EnumerateObject())
        {
            var rules = new BudgetRules();
            foreach (var limit in budget.Value.EnumerateObject())
            {
                var where = $"{path}: budgets.{budget.Name}.{limit.Name}";
                var text = limit.Value.ValueKind == JsonValueKind.Number ? limit.Value.GetRawText() : limit.Value.GetString() ?? "";
                rules = limit.Name switch
                {
                    "maxSize" => rules with { MaxSizeBytes = Quantities.ParseSize(text, where) },
                    "maxGrowth" => rules with { MaxGrowthPercent = Quantities.ParsePercent(text, where) },
                    "minEfficiency" => rules with { MinEfficiencyPercent = Quantities.ParsePercent(text, where) },
                    "maxWaste" => rules with { MaxWasteBytes = Quantities.ParseSize(text, where) },
                    _ => throw new CliException($"{where} is not a budget rule: use maxSize, maxGrowth, minEfficiency or maxWaste."),
                };
            }

            budgets[budget.Name] = rules;
        }

        return new BudgetFile(path, budgets);
    }
}
