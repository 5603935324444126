namespace ImageLab.Core.Layers;

public enum FileTreeSort
{
    Name,

    /// <summary>Size in bytes; a directory's size is the sum of everything below it.</summary>
    Size,

    /// <summary>The index of the layer that last wrote the entry.</summary>
    Layer,
}
