using ImageLab.Core.Experiments;

namespace ImageLab.Core.Contracts;

/// <summary>
/// One transformation of a suggested iteration. <c>savedBytes</c> is the source image's size minus the size of the
/// image built from the source with this transformation alone (uncompressed, as <c>docker image inspect</c> reports
/// both on the engine that built the suggestion); null until that build ran. <c>reason</c> says why it was dropped,
/// or which transformations it needed to be built with.
/// </summary>
public sealed record TransformationResponse(string Id, string Title, int Line, TransformationStatus Status, long? SavedBytes, string? Reason)
{
    public static TransformationResponse From(TransformationDetails transformation)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        return new TransformationResponse(transformation.Id, transformation.Title, transformation.Line, transformation.Status, transformation.SavedBytes, transformation.Reason);
    }
}
