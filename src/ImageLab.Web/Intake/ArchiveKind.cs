using ImageLab.Core.BuildContexts;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.Intake;

/// <summary>The extension of an uploaded context archive (<see cref="ContextArchiveFormats"/>), or a refusal.</summary>
public static class ArchiveKind
{
    public static string ExtensionOf(string fileName) =>
        ContextArchiveFormats.ExtensionOf(fileName)
        ?? throw new SubmissionRejectedException($"The context archive '{fileName}' is not a {ContextArchiveFormats.Described} file.");
}
