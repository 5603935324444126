using System.ComponentModel.DataAnnotations;

namespace ImageLab.Worker.Hosting;

/// <summary>
/// The <c>Retention</c> section: what the nightly sweep removes. The numbers stay forever (iterations' sizes, layers,
/// analyses' totals, reports); build contexts, logs and the analyses' files are bounded.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Build contexts of this many newest experiments per project are kept; older finished ones are removed. 0 keeps all.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Retention:KeepContextsOfLatestExperiments must be 0 (keep all) or a positive number.")]
    public int KeepContextsOfLatestExperiments { get; set; } = 20;

    /// <summary>Build logs and events of finished experiments older than this many days are removed (one line says so). 0 keeps all.</summary>
    [Range(0, 36_500, ErrorMessage = "Retention:KeepLogsDays must be 0 (keep all) or a number of days.")]
    public int KeepLogsDays { get; set; } = 90;

    /// <summary>
    /// Layer analyses (files, waste findings, package data) of this many newest experiments per project are kept; older
    /// finished ones keep only the totals (push size, efficiency, wasted bytes). 0 keeps all.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "Retention:KeepAnalysesOfLatestExperiments must be 0 (keep all) or a positive number.")]
    public int KeepAnalysesOfLatestExperiments { get; set; } = 100;

    /// <summary>The time of day (UTC) of the nightly sweep, e.g. <c>03:00</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59", ErrorMessage = "Retention:SweepTimeUtc must be a time of day, e.g. 03:00.")]
    public TimeSpan SweepTimeUtc { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Experiments cleared per database transaction, so that the sweep never holds long locks.</summary>
    [Range(1, 10_000, ErrorMessage = "Retention:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 200;
}
