namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>Whether a line is kept, removed from the first text or added by the second.</summary>
public enum LineEditKind
{
    Same,
    Removed,
    Added,
}
