using ImageLab.Core.Anatomy;

namespace ImageLab.Web.Formatting;

/// <summary>
/// One cause of a size change as a line a person reads: its signed bytes, then what changed, with code in backticks
/// ("line 14 `COPY . .` now brings `/app/node_modules/.cache` (+31 MB)").
/// </summary>
public static class SizeCauseText
{
    /// <summary>"+38.2 MB", "−16 MB".</summary>
    public static string Change(SizeCause cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return ByteSize.Change(cause.DeltaBytes);
    }

    /// <summary>What changed, after the bytes.</summary>
    public static string Describe(SizeCause cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return cause.Kind switch
        {
            SizeCauseKind.Line => Step(cause),
            SizeCauseKind.Package => $"package `{cause.Subject}` {Verb(cause)} ({Sizes(cause)})",
            _ => $"{KindName(cause.Subject)} {Verb(cause)} ({Sizes(cause)})",
        };
    }

    private static string Step(SizeCause cause)
    {
        var step = cause.Step;
        if (cause.Detail is not { } detail)
        {
            return cause.IsAdded ? $"{step} is a new step" : cause.IsRemoved ? $"{step} is gone" : $"{step} {Verb(cause)}";
        }

        var what = Subject(detail.Subject);
        var bytes = ByteSize.Change(detail.DeltaBytes);
        return cause.IsAdded ? $"{step}, a new step, brings {what} ({bytes})"
            : cause.IsRemoved ? $"{step} is gone, and with it {what} ({bytes})"
            : detail.DeltaBytes > 0 ? $"{step} now brings {what} ({bytes})"
            : $"{step} now brings less of {what} ({bytes})";
    }

    // A step's detail is a folder ("/app/.cache") or a package key ("dpkg:curl").
    private static string Subject(string subject) => subject.StartsWith('/') ? $"`{subject}`" : $"package `{subject}`";

    private static string Verb(SizeCause cause) =>
        cause.IsAdded ? "added" : cause.IsRemoved ? "removed" : cause.DeltaBytes > 0 ? "grew" : "shrank";

    private static string Sizes(SizeCause cause) => $"{ByteSize.Format(cause.BeforeBytes)} → {ByteSize.Format(cause.AfterBytes)}";

    private static string KindName(string subject) =>
        Enum.TryParse<ByteKind>(subject, out var kind) ? ByteKindText.Name(kind).ToLowerInvariant() : subject;

    /// <summary>The text cut at its backticks: even pieces are prose, odd ones code (<see cref="CodeMarks"/>).</summary>
    public static IReadOnlyList<string> CodeSpans(string text) => CodeMarks.Split(text);
}
