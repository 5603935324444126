namespace ImageLab.Data.Stores;

/// <summary>The database's size on disk and each table's share, largest first; <see cref="Note"/> says how it was measured.</summary>
public sealed record DatabaseSize(long TotalBytes, IReadOnlyList<TableSize> Tables, string Note);
