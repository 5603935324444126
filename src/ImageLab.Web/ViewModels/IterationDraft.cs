using ImageLab.Core.Experiments;

namespace ImageLab.Web.ViewModels;

/// <summary>One Dockerfile of the draft: its name (which becomes <c>Dockerfile.&lt;name&gt;</c>), its folder and its text.</summary>
public sealed class IterationDraft
{
    // The last name and text checked and what the check said: the form asks on every render, the text changes far less often.
    private (string Name, string Text, string? Problem)? _checked;

    public Guid Id { get; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    /// <summary>The folder of the Dockerfile in the context, "" or ending with '/'.</summary>
    public string Folder { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>Set when the Dockerfile came from an uploaded archive: its path there. It can still be edited and renamed.</summary>
    public string? ArchivePath { get; init; }

    /// <summary>The archive's own name and text of this Dockerfile, to tell whether it was edited.</summary>
    public string? ArchiveName { get; init; }

    public string? ArchiveText { get; init; }

    /// <summary>Whether the submission must carry this Dockerfile's text (pasted, or changed from the archive's).</summary>
    public bool CarriesText => ArchivePath is null || !string.Equals(Text, ArchiveText, StringComparison.Ordinal) || ContextPath != ArchivePath;

    public bool IsRenamed => ArchivePath is not null && !string.Equals(Name.Trim(), ArchiveName, StringComparison.Ordinal);

    /// <summary>For a Dockerfile from the archive: "edited" (its text changed), "renamed" (only its name), else "archive".</summary>
    public string ArchiveState => !string.Equals(Text, ArchiveText, StringComparison.Ordinal) ? "edited" : IsRenamed ? "renamed" : "archive";

    public bool Expanded { get; set; } = true;

    /// <summary>Where the Dockerfile is written in the build context.</summary>
    public string ContextPath => ArchivePath is not null && !IsRenamed
        ? ArchivePath
        : Folder + (Name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase) ? "Dockerfile" : "Dockerfile." + Name.Trim());

    public int LineCount => Text.Length == 0 ? 1 : Text.Count(c => c == '\n') + (Text.EndsWith('\n') ? 0 : 1);

    /// <summary>
    /// What <see cref="SubmissionRules.DockerfileProblem"/> says of the text (empty, does not parse, no FROM), or
    /// <see langword="null"/>. The text is parsed once per name and text, not on every render of the form.
    /// </summary>
    public string? DockerfileProblem
    {
        get
        {
            if (_checked is not { } last || !string.Equals(last.Name, Name, StringComparison.Ordinal) || !string.Equals(last.Text, Text, StringComparison.Ordinal))
            {
                last = (Name, Text, SubmissionRules.DockerfileProblem(Name, Text));
                _checked = last;
            }

            return last.Problem;
        }
    }
}
