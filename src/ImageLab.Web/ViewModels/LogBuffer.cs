namespace ImageLab.Web.ViewModels;

/// <summary>
/// The lines of one iteration's log, appended as events arrive. Text with several lines is split, and a
/// carriage return keeps only what was written after it (progress bars redraw their line). Bounded so that
/// a runaway build cannot fill the server's memory: past <see cref="MaxLines"/> the oldest lines go.
/// </summary>
public sealed class LogBuffer
{
    public const int MaxLines = 200_000;

    private readonly List<LogLine> _lines = [];
    private int _nextNumber = 1;

    /// <summary>The lines, oldest first; a list so that Virtualize can index it.</summary>
    public List<LogLine> Lines => _lines;

    public int Count => _lines.Count;

    /// <summary>How many of the oldest lines were dropped to stay within <see cref="MaxLines"/>.</summary>
    public int Dropped { get; private set; }

    public void Append(string? text, bool isWarning = false)
    {
        if (text is null)
        {
            return;
        }

        var trimmed = text.EndsWith('\n') ? text[..^1] : text;
        foreach (var part in trimmed.Split('\n'))
        {
            var line = part.EndsWith('\r') ? part[..^1] : part;
            var carriage = line.LastIndexOf('\r');
            _lines.Add(new LogLine(_nextNumber++, carriage >= 0 ? line[(carriage + 1)..] : line, isWarning));
        }

        if (_lines.Count > MaxLines)
        {
            var excess = _lines.Count - MaxLines;
            _lines.RemoveRange(0, excess);
            Dropped += excess;
        }
    }

    public void Clear()
    {
        _lines.Clear();
        _nextNumber = 1;
        Dropped = 0;
    }
}
