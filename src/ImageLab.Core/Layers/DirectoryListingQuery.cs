namespace ImageLab.Core.Layers;

/// <summary>How to sort, filter and page one directory of a <see cref="FileTree"/>.</summary>
public sealed record DirectoryListingQuery
{
    public FileTreeSort SortBy { get; init; } = FileTreeSort.Name;

    /// <summary>Largest first when sorting by size makes sense; defaults to ascending.</summary>
    public bool Descending { get; init; }

    /// <summary>Keeps entries whose name contains this text (ordinal, case-insensitive); null keeps all.</summary>
    public string? NameContains { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 100;

    public static DirectoryListingQuery Default { get; } = new();
}
