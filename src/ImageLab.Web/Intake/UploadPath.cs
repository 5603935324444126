using ImageLab.Core.BuildContexts;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.Intake;

/// <summary>Checks an uploaded file's path with <see cref="ContextPath"/>: relative, inside the context, a file.</summary>
public static class UploadPath
{
    public static string Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string normalized;
        try
        {
            // Browsers on Windows may send backslashes; inside a context every separator is a slash.
            normalized = ContextPath.Normalize(path.Replace('\\', '/'), "The file path");
        }
        catch (BuildContextException e)
        {
            throw new SubmissionRejectedException(e.Message, e);
        }

        return normalized.Length > 0 ? normalized : throw new SubmissionRejectedException($"The file path '{path}' names no file in the build context.");
    }
}
