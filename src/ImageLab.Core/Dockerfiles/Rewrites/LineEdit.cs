namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>One line of an edit script.</summary>
public sealed record LineEdit(LineEditKind Kind, string Text);
