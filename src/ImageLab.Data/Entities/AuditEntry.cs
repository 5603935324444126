namespace ImageLab.Data.Entities;

/// <summary>One thing someone did that the team may need to trace later: a submission, a cancel, a role change...</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who did it (user name), or <c>system</c> for the command line run on the server.</summary>
    public required string UserName { get; set; }

    /// <summary>What was done, e.g. <c>experiment.submitted</c> (see <see cref="Core.Security.AuditActions"/>).</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. <c>experiment 42</c> or <c>user alice</c>.</summary>
    public required string Target { get; set; }

    public string? Details { get; set; }
}
