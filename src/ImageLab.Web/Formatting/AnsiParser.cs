using System.Globalization;
using System.Text;

namespace ImageLab.Web.Formatting;

/// <summary>
/// Turns a log line with ANSI escape codes into styled spans: SGR colours and weights become CSS classes
/// (<c>ansi-fg-1</c>, <c>ansi-bold</c>...), every other escape sequence and control character is dropped,
/// so no raw escape code ever reaches the page.
/// </summary>
public static class AnsiParser
{
    private const char Escape = '\u001b';

    public static IReadOnlyList<AnsiSpan> Parse(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return [];
        }

        if (line.IndexOf(Escape, StringComparison.Ordinal) < 0 && !HasControl(line))
        {
            return [new AnsiSpan(line)];
        }

        var spans = new List<AnsiSpan>();
        var text = new StringBuilder();
        var style = new SgrState();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == Escape)
            {
                var end = SequenceEnd(line, i, out var isSgr);
                if (isSgr)
                {
                    Flush(spans, text, style);
                    style.Apply(line.AsSpan(i + 2, end - i - 2));
                }

                i = end + 1;
                continue;
            }

            if (c == '\t' || !char.IsControl(c))
            {
                text.Append(c);
            }

            i++;
        }

        Flush(spans, text, style);
        return spans;
    }

    private static bool HasControl(string line)
    {
        foreach (var c in line)
        {
            if (c != '\t' && char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    // Index of the last character of the escape sequence starting at `start`.
    private static int SequenceEnd(string line, int start, out bool isSgr)
    {
        isSgr = false;
        if (start + 1 >= line.Length)
        {
            return start;
        }

        var kind = line[start + 1];
        if (kind == '[')
        {
            for (var j = start + 2; j < line.Length; j++)
            {
                if (line[j] is >= '@' and <= '~')
                {
                    isSgr = line[j] == 'm';
                    return j;
                }
            }

            return line.Length - 1;
        }

        if (kind == ']')
        {
            // OSC: ends with BEL or ESC \
            for (var j = start + 2; j < line.Length; j++)
            {
                if (line[j] == '\a')
                {
                    return j;
                }

                if (line[j] == Escape && j + 1 < line.Length && line[j + 1] == '\\')
                {
                    return j + 1;
                }
            }

            return line.Length - 1;
        }

        return start + 1;
    }

    private static void Flush(List<AnsiSpan> spans, StringBuilder text, SgrState style)
    {
        if (text.Length == 0)
        {
            return;
        }

        spans.Add(new AnsiSpan(text.ToString(), style.CssClass(), style.InlineStyle()));
        text.Clear();
    }

    private sealed class SgrState
    {
        private int? _foreground;
        private int? _background;
        private string? _foregroundRgb;
        private string? _backgroundRgb;
        private bool _bold;
        private bool _dim;
        private bool _italic;
        private bool _underline;

        public void Apply(ReadOnlySpan<char> parameters)
        {
            var codes = new List<int>();
            foreach (var range in parameters.Split(';'))
            {
                var part = parameters[range];
                codes.Add(part.IsEmpty ? 0 : int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : -1);
            }

            if (codes.Count == 0)
            {
                codes.Add(0);
            }

            for (var k = 0; k < codes.Count; k++)
            {
                var code = codes[k];
                switch (code)
                {
                    case 0:
                        Reset();
                        break;
                    case 1: _bold = true; break;
                    case 2: _dim = true; break;
                    case 3: _italic = true; break;
                    case 4: _underline = true; break;
                    case 22: _bold = _dim = false; break;
                    case 23: _italic = false; break;
                    case 24: _underline = false; break;
                    case >= 30 and <= 37: _foreground = code - 30; _foregroundRgb = null; break;
                    case >= 90 and <= 97: _foreground = code - 90 + 8; _foregroundRgb = null; break;
                    case 39: _foreground = null; _foregroundRgb = null; break;
                    case >= 40 and <= 47: _background = code - 40; _backgroundRgb = null; break;
                    case >= 100 and <= 107: _background = code - 100 + 8; _backgroundRgb = null; break;
                    case 49: _background = null; _backgroundRgb = null; break;
                    case 38 or 48:
                        k = ExtendedColour(codes, k, code == 38);
                        break;
                }
            }
        }

        public string? CssClass()
        {
            var classes = new List<string>(4);
            if (_foreground is { } fg)
            {
                classes.Add("ansi-fg-" + fg.ToString(CultureInfo.InvariantCulture));
            }

            if (_background is { } bg)
            {
                classes.Add("ansi-bg-" + bg.ToString(CultureInfo.InvariantCulture));
            }

            if (_bold)
            {
                classes.Add("ansi-bold");
            }

            if (_dim)
            {
                classes.Add("ansi-dim");
            }

            if (_italic)
            {
                classes.Add("ansi-italic");
            }

            if (_underline)
            {
                classes.Add("ansi-underline");
            }

            return classes.Count == 0 ? null : string.Join(' ', classes);
        }

        public string? InlineStyle() => (_foregroundRgb, _backgroundRgb) switch
        {
            (null, null) => null,
            ({ } fg, null) => "color:" + fg,
            (null, { } bg) => "background-color:" + bg,
            ({ } fg, { } bg) => "color:" + fg + ";background-color:" + bg,
        };

        private int ExtendedColour(List<int> codes, int k, bool foreground)
        {
            if (k + 2 < codes.Count && codes[k + 1] == 5)
            {
                var index = codes[k + 2];
                if (index is >= 0 and < 16)
                {
                    SetIndexed(foreground, index);
                }
                else if (index is >= 16 and <= 255)
                {
                    SetRgb(foreground, Palette256(index));
                }

                return k + 2;
            }

            if (k + 4 < codes.Count && codes[k + 1] == 2)
            {
                SetRgb(foreground, string.Create(CultureInfo.InvariantCulture, $"rgb({Clamp(codes[k + 2])},{Clamp(codes[k + 3])},{Clamp(codes[k + 4])})"));
                return k + 4;
            }

            return codes.Count;
        }

        private void SetIndexed(bool foreground, int index)
        {
            if (foreground)
            {
                _foreground = index;
                _foregroundRgb = null;
            }
            else
            {
                _background = index;
                _backgroundRgb = null;
            }
        }

        private void SetRgb(bool foreground, string rgb)
        {
            if (foreground)
            {
                _foreground = null;
                _foregroundRgb = rgb;
            }
            else
            {
                _background = null;
                _backgroundRgb = rgb;
            }
        }

        private void Reset()
        {
            _foreground = _background = null;
            _foregroundRgb = _backgroundRgb = null;
            _bold = _dim = _italic = _underline = false;
        }

        private static int Clamp(int value) => Math.Clamp(value, 0, 255);

        private static string Palette256(int index)
        {
            if (index >= 232)
            {
                var grey = 8 + ((index - 232) * 10);
                return string.Create(CultureInfo.InvariantCulture, $"rgb({grey},{grey},{grey})");
            }

            var cube = index - 16;
            int Level(int v) => v == 0 ? 0 : 55 + (v * 40);
            return string.Create(CultureInfo.InvariantCulture, $"rgb({Level(cube / 36)},{Level(cube / 6 % 6)},{Level(cube % 6)})");
        }
    }
}
