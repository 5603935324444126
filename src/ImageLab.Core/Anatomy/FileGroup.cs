namespace ImageLab.Core.Anatomy;

/// <summary>
/// The files of an image's anatomy to drill into: those one package owns, those no package owns under one top folder
/// (<see cref="ImageAnatomy.TopFolder"/>), or those of one kind. Exactly one of the three is set; build it with
/// <see cref="OfPackage"/>, <see cref="OfFolder"/> or <see cref="OfKind"/>.
/// </summary>
public sealed record FileGroup
{
    private FileGroup(PackageKey? package, string? folder, ByteKind? kind) => (Package, Folder, Kind) = (package, folder, kind);

    public PackageKey? Package { get; }

    public string? Folder { get; }

    public ByteKind? Kind { get; }

    public static FileGroup OfPackage(PackageKey package) => new(package, null, null);

    public static FileGroup OfFolder(string folder) => new(null, folder ?? throw new ArgumentNullException(nameof(folder)), null);

    public static FileGroup OfKind(ByteKind kind) => new(null, null, kind);

    public bool Contains(AttributedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Package is { } package ? file.Owner == package
            : Folder is { } folder ? file.Owner is null && ImageAnatomy.TopFolder(file.Path) == folder
            : file.IsOf(Kind!.Value);
    }

    /// <summary>The file's bytes in this group: all of them for a package or folder, those of the kind for a kind.</summary>
    public long BytesOf(AttributedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Kind is { } kind ? file.BytesOf(kind) : file.Bytes;
    }

    /// <summary>"dpkg:python3.11", "/app", "kind:Documentation".</summary>
    public override string ToString() => Package?.ToString() ?? Folder ?? $"kind:{Kind}";
}
