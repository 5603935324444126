namespace ImageLab.Data.Entities;

/// <summary>
/// Another name of an <see cref="AnalyzedLayer"/> that is known before the blob is read: <c>legacy:&lt;id&gt;</c> of a
/// legacy <c>docker save</c>, or the digest of a compressed OCI blob.
/// </summary>
public sealed class LayerAnalysisAlias
{
    public required string Alias { get; set; }

    public required string DiffId { get; set; }
}
