namespace ImageLab.Core.Advice;

/// <summary>How an instruction fares between two iterations' Dockerfiles.</summary>
public enum ChangeKind
{
    Unchanged,

    /// <summary>The same kind of instruction at the same place, written differently.</summary>
    Changed,

    Added,

    Removed,
}
