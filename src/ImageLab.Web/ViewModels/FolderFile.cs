namespace ImageLab.Web.ViewModels;

/// <summary>A file of a dropped or chosen folder: its path inside the build context, its size, and how to read it (only when kept).</summary>
public sealed record FolderFile(string Path, long SizeBytes, Func<CancellationToken, Stream> Open);
