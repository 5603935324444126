using System.Text.Json;

namespace ImageLab.Data.Analysis;

/// <summary>How analysis lists (findings, largest files, warnings) are written to their JSON columns (jsonb on PostgreSQL, text on SQLite).</summary>
internal static class AnalysisJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
