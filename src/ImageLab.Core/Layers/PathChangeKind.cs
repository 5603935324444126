namespace ImageLab.Core.Layers;

public enum PathChangeKind
{
    /// <summary>The path did not exist in the layers below.</summary>
    Added,

    /// <summary>The path existed below and this layer wrote a new copy (content, metadata or type).</summary>
    Modified,

    /// <summary>A whiteout, an opaque directory or a replaced parent removed the path.</summary>
    Deleted,
}
