using System.Text;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;

namespace ImageLab.Core.Advice;

/// <summary>
/// What changed between two iterations: their Dockerfiles aligned instruction by instruction (a longest common
/// subsequence of the instructions, whitespace and line continuations ignored) with the size of the layers each
/// instruction produced in either image and the difference.
/// </summary>
public sealed record IterationChange(IReadOnlyList<InstructionChange> Instructions, long? SizeBeforeBytes, long? SizeAfterBytes)
{
    /// <summary>The image's size change, or <see langword="null"/> when either image is not measured.</summary>
    public long? DeltaBytes => SizeBeforeBytes is { } before && SizeAfterBytes is { } after ? after - before : null;

    /// <summary>The rows that are not <see cref="ChangeKind.Unchanged"/>.</summary>
    public IEnumerable<InstructionChange> Changes => Instructions.Where(i => i.Kind != ChangeKind.Unchanged);

    /// <summary>Aligns the Dockerfiles of two iterations and measures each row against their layers.</summary>
    public static IterationChange Compare(IterationDetails before, IterationDetails after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Compare(before.DockerfileText, before.Layers, after.DockerfileText, after.Layers) with
        {
            SizeBeforeBytes = before.SizeBytes,
            SizeAfterBytes = after.SizeBytes,
        };
    }

    /// <summary>Aligns two Dockerfiles; pass empty layers for an iteration that is not built.</summary>
    public static IterationChange Compare(string before, IReadOnlyList<LayerDetails> layersBefore, string after, IReadOnlyList<LayerDetails> layersAfter)
    {
        var a = DockerfileParser.Parse(before ?? "");
        var b = DockerfileParser.Parse(after ?? "");
        var mapA = new InstructionLayers(a, layersBefore);
        var mapB = new InstructionLayers(b, layersAfter);
        var rows = new List<InstructionChange>();
        foreach (var (kind, x, y) in Align(a.Instructions, b.Instructions))
        {
            rows.Add(new InstructionChange(kind, x, y, x is null ? null : mapA.SizeOf(x), y is null ? null : mapB.SizeOf(y)));
        }

        return new IterationChange(rows, Total(layersBefore), Total(layersAfter));
    }

    private static long? Total(IReadOnlyList<LayerDetails> layers) => layers.Count == 0 ? null : layers.Sum(l => l.SizeBytes);

    private static List<(ChangeKind, DockerfileInstruction?, DockerfileInstruction?)> Align(
        IReadOnlyList<DockerfileInstruction> a, IReadOnlyList<DockerfileInstruction> b)
    {
        var keysA = a.Select(Key).ToArray();
        var keysB = b.Select(Key).ToArray();
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = keysA[i] == keysB[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var rows = new List<(ChangeKind, DockerfileInstruction?, DockerfileInstruction?)>();
        var removed = new List<DockerfileInstruction>();
        var added = new List<DockerfileInstruction>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && keysA[x] == keysB[y])
            {
                Flush(rows, removed, added);
                rows.Add((ChangeKind.Unchanged, a[x++], b[y++]));
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(b[y++]);
            }
            else
            {
                removed.Add(a[x++]);
            }
        }

        Flush(rows, removed, added);
        return rows;
    }

    /// <summary>Writes one run of differences, pairing removed and added instructions of the same keyword, in order, as changes.</summary>
    private static void Flush(List<(ChangeKind, DockerfileInstruction?, DockerfileInstruction?)> rows, List<DockerfileInstruction> removed, List<DockerfileInstruction> added)
    {
        var next = 0;
        foreach (var old in removed)
        {
            var match = added.FindIndex(next, i => i.Keyword == old.Keyword);
            if (match < 0)
            {
                rows.Add((ChangeKind.Removed, old, null));
                continue;
            }

            for (; next < match; next++)
            {
                rows.Add((ChangeKind.Added, null, added[next]));
            }

            rows.Add((ChangeKind.Changed, old, added[next++]));
        }

        for (; next < added.Count; next++)
        {
            rows.Add((ChangeKind.Added, null, added[next]));
        }

        removed.Clear();
        added.Clear();
    }

    /// <summary>The instruction as written, with line continuations, comments lines and runs of whitespace folded away.</summary>
    private static string Key(DockerfileInstruction instruction)
    {
        var text = new StringBuilder(instruction.Keyword);
        var lines = instruction.Text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l].Trim();
            if (l == 0)
            {
                line = line[Math.Min(line.Length, instruction.Keyword.Length)..];
            }
            else if (line.StartsWith('#'))
            {
                continue;
            }

            foreach (var word in line.TrimEnd('\\', '`').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                text.Append(' ').Append(word);
            }
        }

        return text.ToString();
    }
}
