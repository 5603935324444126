namespace ImageLab.Core.Anatomy;

/// <summary>
/// Reads Debian control-file syntax (dpkg's status, apt's extended_states): paragraphs separated by blank lines,
/// <c>Field: value</c> lines, continuation lines starting with a space or tab. Field names are case-insensitive.
/// </summary>
public static class ControlParagraphs
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? lastField = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (fields.Count > 0)
                {
                    yield return fields;
                    fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }
                lastField = null;
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                if (lastField is not null)
                {
                    fields[lastField] += "\n" + line.Trim();
                }
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            lastField = line[..colon].Trim();
            fields[lastField] = line[(colon + 1)..].Trim();
        }

        if (fields.Count > 0)
        {
            yield return fields;
        }
    }
}
