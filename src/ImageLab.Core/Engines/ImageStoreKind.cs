namespace ImageLab.Core.Engines;

/// <summary>Where an engine keeps its images, which decides what its own size numbers mean.</summary>
public enum ImageStoreKind
{
    /// <summary>
    /// A graph driver (overlay2 and the like): <c>docker images</c> and <c>docker history</c> count the bytes of the
    /// files in each layer, which is ImageLab's image size.
    /// </summary>
    GraphDriver,

    /// <summary>
    /// The containerd image store (Docker 29's default): the image's <c>Size</c> is its compressed content and
    /// <c>docker history</c> counts the snapshotter's disk blocks, so ImageLab measures the layers' files itself.
    /// </summary>
    Containerd,
}
