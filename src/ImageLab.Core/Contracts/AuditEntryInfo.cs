namespace ImageLab.Core.Contracts;

/// <summary>One line of the audit log.</summary>
public sealed record AuditEntryInfo(long Id, DateTimeOffset At, string UserName, string Action, string Target, string? Details);
