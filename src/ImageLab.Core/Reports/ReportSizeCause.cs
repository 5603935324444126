using ImageLab.Core.Formatting;

namespace ImageLab.Core.Reports;

/// <summary>
/// One reason an iteration's image differs in size from the one it is compared with (its baseline iteration, else the
/// experiment's first): the step, its change in uncompressed bytes, and the folder or package inside it that explains
/// most of it.
/// </summary>
public sealed record ReportSizeCause(
    string Iteration,
    string ComparedWith,
    long DeltaBytes,
    string Step,
    string? Detail,
    long? DetailBytes)
{
    /// <summary>"+32.0 MB: line 14 `COPY . .` (/app/node_modules/.cache +31.0 MB)".</summary>
    public string Describe() =>
        Detail is null
            ? $"{ByteSize.Change(DeltaBytes)}: {Step}"
            : $"{ByteSize.Change(DeltaBytes)}: {Step} ({Detail} {ByteSize.Change(DetailBytes ?? 0)})";
}
