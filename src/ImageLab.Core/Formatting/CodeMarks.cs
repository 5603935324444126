namespace ImageLab.Core.Formatting;

/// <summary>
/// How ImageLab's sentences mark code: between single backticks ("line 14 `COPY . .` now brings `/app` (+1 MB)"), for
/// the pages to show it in a code font and the Markdown reports as code spans.
/// </summary>
public static class CodeMarks
{
    /// <summary>The text cut at its backticks: even pieces are prose, odd ones code (the last one unclosed when the count is even).</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('`');
    }
}
