namespace ImageLab.Web.Formatting;

/// <summary>A run of log text with the CSS classes (and, for 256-colour or RGB codes, the inline style) its ANSI codes asked for.</summary>
public sealed record AnsiSpan(string Text, string? CssClass = null, string? Style = null);
