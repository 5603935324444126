namespace ImageLab.Data.Stores;

/// <summary>One table's bytes on disk, its indexes (and PostgreSQL's TOAST) included.</summary>
public sealed record TableSize(string Name, long Bytes);
