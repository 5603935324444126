using System.Globalization;
using System.Text;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// A suggested Dockerfile as a patch on its source, in the unified format <c>git apply</c> and <c>patch -p1</c> take:
/// what a user carries from ImageLab into their repository.
/// </summary>
public static class SuggestionPatch
{
    private const int ContextLines = 3;
    private const string NoNewlineMarker = "\\ No newline at end of file";

    /// <summary>
    /// The patch turning <paramref name="before"/> into <paramref name="after"/> at <paramref name="path"/> (relative to
    /// the repository), <paramref name="before"/> null for a file the patch creates; empty when they are equal.
    /// </summary>
    public static string Create(string path, string? before, string after)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(after);
        var edits = LineDiff.Compare(SplitLines(before ?? ""), SplitLines(after));
        if (before is not null && edits.All(e => e.Kind == LineEditKind.Same))
        {
            return "";
        }

        var patch = new StringBuilder();
        patch.Append(before is null ? "--- /dev/null" : "--- a/" + path).Append('\n');
        patch.Append("+++ b/").Append(path).Append('\n');
        foreach (var hunk in FindHunks(edits))
        {
            WriteHunk(patch, edits, hunk);
        }

        return patch.ToString();
    }

    // A last line without its newline is a different line from the same text with one: it is compared and written with a marker.
    private static List<string> SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        else
        {
            lines[^1] += "\n" + NoNewlineMarker;
        }

        return lines;
    }

    // Runs of changes with their context, neighbouring runs joined when their contexts would touch.
    private static List<Range> FindHunks(IReadOnlyList<LineEdit> edits)
    {
        var hunks = new List<Range>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == LineEditKind.Same)
            {
                continue;
            }

            var start = Math.Max(0, i - ContextLines);
            var end = Math.Min(edits.Count, i + 1 + ContextLines);
            if (hunks.Count > 0 && start <= hunks[^1].End.Value)
            {
                hunks[^1] = hunks[^1].Start..end;
            }
            else
            {
                hunks.Add(start..end);
            }
        }

        return hunks;
    }

    private static void WriteHunk(StringBuilder patch, IReadOnlyList<LineEdit> edits, Range hunk)
    {
        var (start, end) = (hunk.Start.Value, hunk.End.Value);
        var oldStart = 1 + edits.Take(start).Count(e => e.Kind != LineEditKind.Added);
        var newStart = 1 + edits.Take(start).Count(e => e.Kind != LineEditKind.Removed);
        var lines = edits.Skip(start).Take(end - start).ToList();
        var oldCount = lines.Count(e => e.Kind != LineEditKind.Added);
        var newCount = lines.Count(e => e.Kind != LineEditKind.Removed);
        patch.Append(CultureInfo.InvariantCulture,
            $"@@ -{RangeText(oldCount == 0 ? oldStart - 1 : oldStart, oldCount)} +{RangeText(newCount == 0 ? newStart - 1 : newStart, newCount)} @@\n");
        foreach (var line in lines)
        {
            patch.Append(line.Kind switch { LineEditKind.Removed => '-', LineEditKind.Added => '+', _ => ' ' }).Append(line.Text).Append('\n');
        }
    }

    private static string RangeText(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start},{count}");
}
