namespace ImageLab.Core.Experiments;

/// <summary>One transformation of a suggested iteration and what its own build proved.</summary>
/// <param name="Id">The rewrite's id (<c>apt-no-install-recommends</c>).</param>
/// <param name="Title">What it does.</param>
/// <param name="Line">The line of the source Dockerfile it changes first.</param>
/// <param name="Status">Pending, measured, or dropped because its build failed.</param>
/// <param name="SavedBytes">
/// The source image's size minus the size of the image built from the source with this transformation alone
/// (uncompressed, as <c>docker image inspect</c> reports both on the engine that built the suggestion); null until measured.
/// </param>
/// <param name="Reason">Why it was dropped (the engine's message), or which transformations it needs and was built with.</param>
public sealed record TransformationDetails(string Id, string Title, int Line, TransformationStatus Status, long? SavedBytes, string? Reason);
