namespace ImageLab.Core.Formatting;

/// <summary>
/// Text from an engine or a container, made storable and showable: control characters dropped (a NUL cannot be stored
/// in PostgreSQL text), line breaks and tabs kept.
/// </summary>
public static class PrintableText
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Concat(text.Where(Keeps));
    }

    /// <summary>Whether <paramref name="c"/> stays: anything but a control character, line breaks and tabs included.</summary>
    public static bool Keeps(char c) => !char.IsControl(c) || c is '\n' or '\t';
}
