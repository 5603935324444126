using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageLab.Core.Dockerfiles;

namespace ImageLab.Cli.Lint;

/// <summary>Writes findings as a SARIF 2.1.0 log, the format code-scanning tools (e.g. GitHub's) read.</summary>
public static class SarifLog
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Write(IReadOnlyList<LintedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var findings = files.SelectMany(f => f.Findings.Select(finding => (File: f, Finding: finding))).ToList();
        var ruleIds = findings.Select(x => x.Finding.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = new JsonArray(ruleIds.Select(id =>
        {
            var first = findings.First(x => x.Finding.RuleId == id).Finding;
            var rule = new JsonObject
            {
                ["id"] = id,
                ["shortDescription"] = new JsonObject { ["text"] = first.Message },
                ["help"] = new JsonObject { ["text"] = first.Fix },
            };
            if (HelpUri(id) is { } uri)
            {
                rule["helpUri"] = uri;
            }

            return (JsonNode)rule;
        }).ToArray());

        var results = new JsonArray(findings.Select(x => (JsonNode)new JsonObject
        {
            ["ruleId"] = x.Finding.RuleId,
            ["ruleIndex"] = ruleIds.IndexOf(x.Finding.RuleId),
            ["level"] = Level(x.Finding.Severity),
            ["message"] = new JsonObject { ["text"] = $"{x.Finding.Message} {x.Finding.Fix}".Trim() },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = Uri(x.File.Path) },
                    ["region"] = new JsonObject { ["startLine"] = Math.Max(1, x.Finding.Line) },
                },
            }),
        }).ToArray());

        var log = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "ImageLab",
                        ["version"] = typeof(SarifLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0",
                        ["rules"] = rules,
                    },
                },
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };

    // hadolint's rules (DL...) are documented on its wiki; ImageLab's own (IL...) in the advisor.
    private static string? HelpUri(string ruleId) =>
        ruleId.StartsWith("DL", StringComparison.Ordinal) ? $"https://github.com/hadolint/hadolint/wiki/{ruleId}" : null;

    // A relative path with forward slashes: code scanning resolves it against the repository root.
    private static string Uri(string path) => path.Replace('\\', '/');
}
