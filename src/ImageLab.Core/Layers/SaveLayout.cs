namespace ImageLab.Core.Layers;

/// <summary>The layout of a <c>docker save</c> archive.</summary>
public enum SaveLayout
{
    Unknown,

    /// <summary><c>manifest.json</c>, <c>&lt;id&gt;/layer.tar</c>, <c>&lt;config&gt;.json</c> (Docker up to 24).</summary>
    Legacy,

    /// <summary><c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/…</c> (Docker 25 and later, also writes <c>manifest.json</c>).</summary>
    Oci,
}
