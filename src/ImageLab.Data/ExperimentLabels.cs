using ImageLab.Core.Experiments;

namespace ImageLab.Data;

/// <summary>What an experiment label may be: <c>key=value</c>, the key a short identifier-like word.</summary>
public static class ExperimentLabels
{
    public const int MaxKeyLength = 100;

    public const int MaxValueLength = 300;

    /// <summary>Parses <c>key=value</c> pairs; a later value of a key replaces an earlier one.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var (key, value) = Split(label)
                ?? throw new SubmissionRejectedException($"The label '{label}' is not of the form key=value (a key of at most {MaxKeyLength} characters, a value of at most {MaxValueLength}).");
            parsed[key] = value;
        }

        return parsed;
    }

    /// <summary>The key and value of <c>key=value</c>, trimmed; null when it is not of that form or too long.</summary>
    public static (string Key, string Value)? Split(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var equals = label.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var key = label[..equals].Trim();
        var value = label[(equals + 1)..].Trim();
        return key.Length is > 0 and <= MaxKeyLength && value.Length <= MaxValueLength ? (key, value) : null;
    }
}
