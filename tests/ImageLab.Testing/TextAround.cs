namespace ImageLab.Testing;

/// <summary>The text around a found value, for an assertion's message (e.g. where a secret leaked).</summary>
public static class TextAround
{
    public static string Of(string text, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(value);
        var at = text.IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? "" : text[Math.Max(0, at - 120)..Math.Min(text.Length, at + value.Length + 40)];
    }
}
