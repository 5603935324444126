using ImageLab.Core.Experiments;

namespace ImageLab.Web.Intake;

/// <summary>The archive formats a context can be uploaded as, by file name.</summary>
public static class ArchiveKind
{
    public static string ExtensionOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = fileName.ToLowerInvariant();
        return name.EndsWith(".tar.gz", StringComparison.Ordinal) ? ".tar.gz"
            : name.EndsWith(".tgz", StringComparison.Ordinal) ? ".tgz"
            : name.EndsWith(".tar", StringComparison.Ordinal) ? ".tar"
            : name.EndsWith(".zip", StringComparison.Ordinal) ? ".zip"
            : throw new SubmissionRejectedException($"The context archive '{fileName}' is not a .tar, .tar.gz, .tgz or .zip file.");
    }
}
