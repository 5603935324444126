namespace ImageLab.Core.Experiments;

/// <summary>One transformation of a suggested iteration and what its own build proved.</summary>
/// <param name="Id">The rewrite's id (<c>apt-no-install-recommends</c>).</param>
/// <param name="Title">What it does.</param>
/// <param name="Line">The line of the source Dockerfile it changes first.</param>
/// <param name="Status">Pending, measured, or dropped because its build failed.</param>
/// <param name="SavedBytes">
/// The size of the image built from the source with <paramref name="OnTopOf"/> alone (the source image itself when
/// that is empty) minus the size of the one built with this transformation on top (uncompressed, as
/// <c>docker image inspect</c> reports both on the engine that built the suggestion); null until measured.
/// </param>
/// <param name="Reason">Why it was dropped (the engine's message).</param>
/// <param name="OnTopOf">The ids of the transformations it was built and measured on top of; empty when on the source alone.</param>
public sealed record TransformationDetails(string Id, string Title, int Line, TransformationStatus Status, long? SavedBytes, string? Reason, IReadOnlyList<string> OnTopOf)
{
    /// <summary>What its saving was measured against, in words: "on top of multi-stage-split", or null for the source alone.</summary>
    public string? OnTopOfText => DescribeOnTopOf(OnTopOf);

    /// <summary>"on top of multi-stage-split" for the given transformation ids; null when there is none.</summary>
    public static string? DescribeOnTopOf(IReadOnlyList<string> onTopOf)
    {
        ArgumentNullException.ThrowIfNull(onTopOf);
        return onTopOf.Count == 0 ? null : $"on top of {string.Join(" and ", onTopOf)}";
    }
}
