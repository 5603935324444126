using System.Text;

namespace ImageLab.Cli.Output;

/// <summary>
/// Writes through to another writer without the control characters a terminal would act on: escape sequences (ESC,
/// the C1 controls such as CSI), bells, backspaces and the rest of C0 but tab, line feed and carriage return. Server
/// text (iteration names, logs, errors, reports) reaches the terminal only through it, so a build log cannot
/// recolour, retitle, move the cursor, write to the clipboard (OSC 52) or hide what is printed.
/// </summary>
public sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <summary>Whether <paramref name="c"/> is printed as it is.</summary>
    public static bool IsSafe(char c) =>
        c is '\t' or '\n' or '\r' || !(char.IsControl(c) || c is '\u200E' or '\u200F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069');

    /// <summary><paramref name="text"/> without the characters <see cref="IsSafe"/> refuses.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!IsSafe(c))
            {
                var cleaned = new StringBuilder(text.Length);
                foreach (var d in text)
                {
                    if (IsSafe(d))
                    {
                        cleaned.Append(d);
                    }
                }

                return cleaned.ToString();
            }
        }

        return text;
    }

    public override void Write(char value)
    {
        if (IsSafe(value))
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is not null)
        {
            inner.Write(Clean(value));
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();
}
