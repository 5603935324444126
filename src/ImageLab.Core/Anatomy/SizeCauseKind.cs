namespace ImageLab.Core.Anatomy;

/// <summary>What a <see cref="SizeCause"/> groups bytes by.</summary>
public enum SizeCauseKind
{
    Package,
    Kind,
    Line,
}
