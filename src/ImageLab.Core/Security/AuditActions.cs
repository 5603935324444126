namespace ImageLab.Core.Security;

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string ExperimentSubmitted = "experiment.submitted";

    public const string ExperimentCancelled = "experiment.cancelled";

    public const string SuggestionRequested = "experiment.suggestion-requested";

    public const string UserCreated = "user.created";

    public const string UserRoleChanged = "user.role-changed";

    public const string UserDisabled = "user.disabled";

    public const string UserEnabled = "user.enabled";

    public const string TokenCreated = "token.created";

    public const string TokenRevoked = "token.revoked";

    public const string BuildCachePruned = "engine.build-cache-pruned";
}
