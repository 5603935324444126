using ImageLab.Core.Experiments;

namespace ImageLab.Web.Intake;

/// <summary>Checks an uploaded file's path: relative, inside the context, no parent steps.</summary>
public static class UploadPath
{
    public static string Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Replace('\\', '/');
        if (normalized.Length == 0 || normalized.StartsWith('/') || (normalized.Length > 1 && normalized[1] == ':'))
        {
            throw new SubmissionRejectedException($"The file path '{path}' must be relative to the build context.");
        }

        var parts = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p == ".."))
        {
            throw new SubmissionRejectedException($"The file path '{path}' leaves the build context.");
        }

        return string.Join('/', parts.Where(p => p != "."));
    }
}
