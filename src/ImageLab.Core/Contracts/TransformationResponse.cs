using ImageLab.Core.Experiments;

namespace ImageLab.Core.Contracts;

/// <summary>
/// One transformation of a suggested iteration. <c>savedBytes</c> is what it saves where it was measured: the size of
/// the image built from the source with the transformations in <c>onTopOf</c> alone (the source image when that is
/// empty) minus the size of the one built with this transformation on top (uncompressed, as <c>docker image inspect</c>
/// reports both on the engine that built the suggestion); null until those builds ran. <c>onTopOf</c> names the
/// transformations it only makes sense on (the slim base on the multi-stage split's runtime stage); <c>reason</c> says
/// why it was dropped.
/// </summary>
public sealed record TransformationResponse(string Id, string Title, int Line, TransformationStatus Status, long? SavedBytes, string? Reason, IReadOnlyList<string> OnTopOf)
{
    public static TransformationResponse From(TransformationDetails transformation)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        return new TransformationResponse(
            transformation.Id, transformation.Title, transformation.Line, transformation.Status, transformation.SavedBytes, transformation.Reason, transformation.OnTopOf);
    }
}
