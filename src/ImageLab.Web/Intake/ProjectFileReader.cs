using System.Formats.Tar;
using System.Text;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.Intake;

/// <summary>
/// Reads the project's <c>imagelab.json</c> from the root of the build context as it was written (after
/// <c>.dockerignore</c>), so that loose files, archives and the New experiment page all find it the same way.
/// </summary>
public static class ProjectFileReader
{
    /// <summary>The check of the context's <c>imagelab.json</c>; null when it has none or the file is absent.</summary>
    /// <exception cref="SubmissionRejectedException">The file is too large or not a valid check.</exception>
    public static async Task<CheckCommand?> ReadCheckAsync(string contextTarPath, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(contextTarPath);
        await using (file)
        {
            await using var reader = new TarReader(file);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.Name is not CheckCommandJson.ProjectFileName)
                {
                    continue;
                }

                if (entry.Length > CheckCommandJson.MaxJsonLength || entry.DataStream is null)
                {
                    throw new SubmissionRejectedException(
                        $"The build context's {CheckCommandJson.ProjectFileName} is {entry.Length} bytes; at most {CheckCommandJson.MaxJsonLength} are read.");
                }

                using var text = new StreamReader(entry.DataStream, Encoding.UTF8);
                return CheckCommandJson.ReadProjectFile(await text.ReadToEndAsync(cancellationToken));
            }
        }

        return null;
    }
}
