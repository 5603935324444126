namespace ImageLab.Core.Anatomy;

/// <summary>
/// Which Dockerfile line made each layer of an analysed image: <see cref="LineByLayer"/> maps the analysis's layer
/// index (the order of <c>rootfs.diff_ids</c>) to the 1-based line of the instruction in <see cref="DockerfileText"/>;
/// layers of the base image and layers no instruction could be matched to have none.
/// </summary>
public sealed record LayerLines(string DockerfileText, IReadOnlyDictionary<int, int> LineByLayer)
{
    /// <summary>No line known for any layer (an image analysed outside an iteration).</summary>
    public static LayerLines None { get; } = new("", new Dictionary<int, int>());
}
