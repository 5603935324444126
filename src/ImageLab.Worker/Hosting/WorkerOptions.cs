using System.ComponentModel.DataAnnotations;

namespace ImageLab.Worker.Hosting;

/// <summary>The <c>Worker</c> section: how many builds run at once and how each is bounded.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>Builds run at once on the engine.</summary>
    [Range(1, 64, ErrorMessage = "Worker:Concurrency must be between 1 and 64.")]
    public int Concurrency { get; set; } = 1;

    /// <summary>How long a claimed iteration stays ours without a renewal; renewed every third of it.</summary>
    [Range(2, 3600, ErrorMessage = "Worker:LeaseSeconds must be between 2 and 3600.")]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>Attempts before an iteration whose worker keeps dying is failed.</summary>
    [Range(1, 20, ErrorMessage = "Worker:MaxAttempts must be between 1 and 20.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>A build running longer than this is stopped and failed.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Worker:BuildTimeoutMinutes must be between 1 and 1440.")]
    public int BuildTimeoutMinutes { get; set; } = 30;

    /// <summary>When above 0, the build time limit in seconds, in place of <see cref="BuildTimeoutMinutes"/> (for tests and tight setups).</summary>
    [Range(0, 24 * 3600, ErrorMessage = "Worker:BuildTimeoutSeconds must be 0 (use Worker:BuildTimeoutMinutes) or between 1 and 86400.")]
    public int BuildTimeoutSeconds { get; set; }

    /// <summary>Log bytes kept per build; further lines are dropped and one line says so.</summary>
    [Range(1024, long.MaxValue, ErrorMessage = "Worker:MaxLogBytes must be at least 1024 bytes.")]
    public long MaxLogBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Build cache unused for this many hours is pruned from the engine; 0 keeps it.</summary>
    [Range(0, 24 * 365, ErrorMessage = "Worker:PruneBuildCacheAfterHours must be 0 (never prune) or between 1 and 8760.")]
    public int PruneBuildCacheAfterHours { get; set; } = 7 * 24;

    /// <summary>Memory limit of RUN steps in MB (classic builder), or 0 for none.</summary>
    [Range(0, 1024 * 1024, ErrorMessage = "Worker:MemoryLimitMb must be 0 (no limit) or a positive number of MB.")]
    public long MemoryLimitMb { get; set; }

    /// <summary>CPU limit of RUN steps in CPUs (classic builder), or 0 for none.</summary>
    [Range(0, 1024, ErrorMessage = "Worker:Cpus must be 0 (no limit) or a positive number of CPUs.")]
    public double Cpus { get; set; }

    /// <summary>How often an idle worker looks for work when nothing woke it.</summary>
    [Range(50, 60_000, ErrorMessage = "Worker:PollMilliseconds must be between 50 and 60000.")]
    public int PollMilliseconds { get; set; } = 2000;

    /// <summary>Images of all but the newest N experiments are removed from the engine (their numbers stay); 0 keeps all.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Worker:KeepImagesOfLatestExperiments must be 0 (keep all) or more.")]
    public int KeepImagesOfLatestExperiments { get; set; } = 50;

    /// <summary>Whether this process runs the worker at all (a web-only process sets false).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan BuildTimeout => BuildTimeoutSeconds > 0 ? TimeSpan.FromSeconds(BuildTimeoutSeconds) : TimeSpan.FromMinutes(BuildTimeoutMinutes);

    /// <summary>The limit in words with the setting that sets it, for the reason a timed-out build gets.</summary>
    public string BuildTimeoutDescription => BuildTimeoutSeconds > 0
        ? $"{BuildTimeoutSeconds} seconds (Worker:BuildTimeoutSeconds)"
        : $"{BuildTimeoutMinutes} minutes (Worker:BuildTimeoutMinutes)";
}
