namespace ImageLab.Core.Anatomy;

/// <summary>Bytes no package owns under one top folder ("/app", "/usr/local"), over all layers.</summary>
public sealed record FolderBytes(string Folder, long Bytes, int FileCount, IReadOnlyList<LayerBytes> Layers);
