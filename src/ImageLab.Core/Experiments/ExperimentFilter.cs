namespace ImageLab.Core.Experiments;

/// <summary>
/// What the history list is filtered by; null fields do not filter. A page is either a page number (OFFSET: fine for the
/// first pages) or, for any depth, one of the keyset positions <see cref="OlderThan"/>, <see cref="NewerThan"/> or
/// <see cref="Oldest"/>, which win over the number.
/// </summary>
public sealed record ExperimentFilter(
    string? Project = null,
    string? SubmittedBy = null,
    ExperimentStatus? Status = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int PageNumber = 1,
    int PageSize = 20)
{
    /// <summary>The largest page the history list serves.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The rows just older than this one (the next page down the history).</summary>
    public ExperimentCursor? OlderThan { get; init; }

    /// <summary>The rows just newer than this one (the page before).</summary>
    public ExperimentCursor? NewerThan { get; init; }

    /// <summary>The oldest rows (the last page).</summary>
    public bool Oldest { get; init; }

    /// <summary>Whether the page is found by a keyset position rather than by its number.</summary>
    public bool IsKeyset => OlderThan is not null || NewerThan is not null || Oldest;
}
