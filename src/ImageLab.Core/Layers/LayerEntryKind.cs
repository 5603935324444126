namespace ImageLab.Core.Layers;

/// <summary>What one entry of a layer tar does to the file system.</summary>
public enum LayerEntryKind : byte
{
    File,
    Directory,
    Symlink,
    HardLink,

    /// <summary>Devices, FIFOs and other special files.</summary>
    Other,

    /// <summary>A <c>.wh.&lt;name&gt;</c> marker: deletes <see cref="LayerEntry.Path"/> from lower layers.</summary>
    Whiteout,

    /// <summary>A <c>.wh..wh..opq</c> marker: hides everything lower layers put under the directory <see cref="LayerEntry.Path"/>.</summary>
    OpaqueDirectory,
}
