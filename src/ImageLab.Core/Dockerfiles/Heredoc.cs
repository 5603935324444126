namespace ImageLab.Core.Dockerfiles;

/// <summary>A here-document attached to a RUN, COPY or ADD instruction (<c>&lt;&lt;EOF</c> ... <c>EOF</c>).</summary>
/// <param name="Delimiter">The word that ends the body, without quotes.</param>
/// <param name="Body">The body's lines, each ending in a newline; leading tabs removed for <c>&lt;&lt;-</c>.</param>
/// <param name="StripLeadingTabs">Whether the marker was <c>&lt;&lt;-</c>.</param>
/// <param name="Quoted">Whether the delimiter was quoted, which turns off variable expansion in the body.</param>
/// <param name="StartLine">The 1-based line of the body's first line.</param>
/// <param name="EndLine">The 1-based line of the closing delimiter, or of the file's last line if it never closes.</param>
public sealed record Heredoc(string Delimiter, string Body, bool StripLeadingTabs, bool Quoted, int StartLine, int EndLine);
