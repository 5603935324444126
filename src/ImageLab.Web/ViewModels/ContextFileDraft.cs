namespace ImageLab.Web.ViewModels;

/// <summary>A file of the build context, kept in the draft's private folder until the experiment is sent.</summary>
public sealed record ContextFileDraft(string Path, long SizeBytes, string StoredAt);
