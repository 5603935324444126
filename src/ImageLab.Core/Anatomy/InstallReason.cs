namespace ImageLab.Core.Anatomy;

/// <summary>
/// Why a Debian package is in the image and through which packages: for a dependency, the installed packages that
/// depend on it; for a recommends-only package, the needed packages whose Recommends brought it (directly or through
/// packages that are themselves only recommended).
/// </summary>
public sealed record InstallReason(InstallReasonKind Kind, IReadOnlyList<string> Via);
