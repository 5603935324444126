namespace ImageLab.Core.Anatomy;

/// <summary>Why apt put a Debian package in the image.</summary>
public enum InstallReasonKind
{
    /// <summary>Asked for by name (on an <c>apt-get install</c> line), or part of the base system.</summary>
    Requested,

    /// <summary>Needed (Depends or Pre-Depends, directly or further down) by a requested package.</summary>
    Dependency,

    /// <summary>
    /// There only because a package recommends it (or a package that is itself only recommended needs it):
    /// <c>--no-install-recommends</c> leaves it out.
    /// </summary>
    RecommendsOnly,
}
