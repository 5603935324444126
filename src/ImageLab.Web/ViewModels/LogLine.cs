namespace ImageLab.Web.ViewModels;

/// <summary>One numbered line of a build log, as the engine wrote it (ANSI codes and all).</summary>
public sealed record LogLine(int Number, string Text, bool IsWarning = false);
