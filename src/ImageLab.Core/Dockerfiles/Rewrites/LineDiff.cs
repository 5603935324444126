namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// The lines two texts share, in order (a longest common subsequence after trimming the common head and tail), as the
/// edit script a unified diff is written from.
/// </summary>
public static class LineDiff
{
    // Past this many cells the table would cost more than a Dockerfile deserves: the changed middle becomes one block.
    private const long MaxTableCells = 4_000_000;

    /// <summary>The edit script turning <paramref name="before"/> into <paramref name="after"/>.</summary>
    public static IReadOnlyList<LineEdit> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var head = 0;
        while (head < before.Count && head < after.Count && before[head] == after[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < before.Count - head && tail < after.Count - head && before[^(tail + 1)] == after[^(tail + 1)])
        {
            tail++;
        }

        var edits = new List<LineEdit>(before.Count + after.Count);
        for (var i = 0; i < head; i++)
        {
            edits.Add(new LineEdit(LineEditKind.Same, before[i]));
        }

        AddMiddle(edits, before.Skip(head).Take(before.Count - head - tail).ToArray(), after.Skip(head).Take(after.Count - head - tail).ToArray());
        for (var i = before.Count - tail; i < before.Count; i++)
        {
            edits.Add(new LineEdit(LineEditKind.Same, before[i]));
        }

        return edits;
    }

    private static void AddMiddle(List<LineEdit> edits, string[] before, string[] after)
    {
        if ((long)before.Length * after.Length > MaxTableCells)
        {
            edits.AddRange(before.Select(l => new LineEdit(LineEditKind.Removed, l)));
            edits.AddRange(after.Select(l => new LineEdit(LineEditKind.Added, l)));
            return;
        }

        // common[i, j]: the length of the longest common subsequence of before[i..] and after[j..].
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int b = 0, a = 0;
        while (b < before.Length || a < after.Length)
        {
            if (b < before.Length && a < after.Length && before[b] == after[a])
            {
                edits.Add(new LineEdit(LineEditKind.Same, before[b++]));
                a++;
            }
            else if (b < before.Length && (a == after.Length || common[b + 1, a] >= common[b, a + 1]))
            {
                edits.Add(new LineEdit(LineEditKind.Removed, before[b++]));
            }
            else
            {
                edits.Add(new LineEdit(LineEditKind.Added, after[a++]));
            }
        }
    }
}
