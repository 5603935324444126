using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Web.ViewModels;

/// <summary>
/// Two texts' line diff for reading (Core's <see cref="LineDiff"/>): every change with a few lines around it, longer runs
/// of unchanged lines folded into one row that says how many it hides.
/// </summary>
public static class LineDiffModel
{
    private const int ContextLines = 2;

    public static IReadOnlyList<LineDiffRow> Compare(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var edits = LineDiff.Compare(Lines(before), Lines(after));
        var numbered = new List<LineDiffRow>(edits.Count);
        int oldLine = 0, newLine = 0;
        foreach (var edit in edits)
        {
            numbered.Add(edit.Kind switch
            {
                LineEditKind.Removed => new LineDiffRow(edit.Kind, ++oldLine, null, edit.Text),
                LineEditKind.Added => new LineDiffRow(edit.Kind, null, ++newLine, edit.Text),
                _ => new LineDiffRow(edit.Kind, ++oldLine, ++newLine, edit.Text),
            });
        }

        return Fold(numbered);
    }

    // A line is shown when a change is within ContextLines of it; each run of hidden lines becomes one fold.
    private static List<LineDiffRow> Fold(List<LineDiffRow> rows)
    {
        var changed = rows.Select((r, i) => (r, i)).Where(x => x.r.Kind != LineEditKind.Same).Select(x => x.i).ToList();
        var shown = rows.Select((_, i) => changed.Any(c => Math.Abs(c - i) <= ContextLines)).ToList();
        var folded = new List<LineDiffRow>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (shown[i])
            {
                folded.Add(rows[i]);
                continue;
            }

            var start = i;
            while (i + 1 < rows.Count && !shown[i + 1])
            {
                i++;
            }

            folded.Add(new LineDiffRow(LineEditKind.Same, null, null, "", i - start + 1));
        }

        return folded;
    }

    private static List<string> Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
