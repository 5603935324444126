namespace ImageLab.Web.ViewModels;

/// <summary>One Dockerfile of the draft: its name (which becomes <c>Dockerfile.&lt;name&gt;</c>), its folder and its text.</summary>
public sealed class IterationDraft
{
    public Guid Id { get; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    /// <summary>The folder of the Dockerfile in the context, "" or ending with '/'.</summary>
    public string Folder { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>Set when the Dockerfile lives inside an uploaded archive (then its text is not editable here).</summary>
    public string? ArchivePath { get; init; }

    public bool Expanded { get; set; } = true;

    /// <summary>Where the Dockerfile is written in the build context.</summary>
    public string ContextPath => ArchivePath
        ?? Folder + (Name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase) ? "Dockerfile" : "Dockerfile." + Name.Trim());

    public int LineCount => Text.Length == 0 ? 1 : Text.Count(c => c == '\n') + (Text.EndsWith('\n') ? 0 : 1);
}
