using System.Text.Json.Serialization;
using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Reports;

/// <summary>
/// A piece of advice about one iteration's Dockerfile, with the bytes it costs when measured, and what a suggested
/// build of its fix saved (<see cref="MeasuredSavingBytes"/>; null when no suggestion proved it).
/// </summary>
public sealed record ReportFinding(
    string Iteration,
    string RuleId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))] FindingSeverity Severity,
    int Line,
    string Message,
    long? BytesAtStake,
    long? MeasuredSavingBytes = null);
