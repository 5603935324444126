using System.Text;
using ImageLab.Core.Builds;
using ImageLab.Core.Formatting;

namespace ImageLab.Worker.Pipeline;

/// <summary>
/// What of a build's output may be stored: secret build-argument values masked everywhere, and log lines
/// only up to <c>Worker:MaxLogBytes</c>, after which one line says the log was truncated and the rest is dropped.
/// Every text a build produces passes through here before it is stored.
/// </summary>
internal sealed class BuildLogGuard(SecretMasker masker, long maxLogBytes)
{
    private long _logBytes;
    private bool _truncated;

    public bool Truncated => _truncated;

    /// <summary>
    /// Masks secrets, and drops NUL characters: PostgreSQL cannot store them in text (and the SQLite store must hold the same log), and a build that prints one
    /// (or whose crashing step puts one in the engine's message) must not stall the writes of its log and status.
    /// </summary>
    public string? Mask(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var clean = text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;
        return masker.IsEmpty ? clean : masker.Apply(clean);
    }

    /// <summary>The log line to store, the truncation note once the limit is reached, or null when the line is dropped.</summary>
    public string? Admit(string? text)
    {
        if (_truncated)
        {
            return null;
        }

        _logBytes += Encoding.UTF8.GetByteCount(text ?? string.Empty) + 1;
        if (_logBytes <= maxLogBytes)
        {
            return Mask(text);
        }

        _truncated = true;
        return $"log truncated after {ByteSize.Format(maxLogBytes)} (Worker:MaxLogBytes); further lines were dropped.";
    }
}
