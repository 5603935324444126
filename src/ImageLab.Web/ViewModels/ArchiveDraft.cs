namespace ImageLab.Web.ViewModels;

/// <summary>An uploaded context archive, kept in the draft's private folder, with the Dockerfiles found in it.</summary>
public sealed record ArchiveDraft(string FileName, long SizeBytes, string StoredAt, int EntryCount);
