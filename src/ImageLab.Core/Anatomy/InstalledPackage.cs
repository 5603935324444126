namespace ImageLab.Core.Anatomy;

/// <summary>
/// One package as a package database describes it: who it is and what it owns, either the absolute paths of its
/// files (<see cref="Files"/>; dpkg, apk, Python RECORD) or a whole folder (<see cref="Folder"/>, "/app/node_modules/x/";
/// npm keeps no file list) minus the packages nested in it.
/// </summary>
public sealed record InstalledPackage(PackageKey Key, string Version, IReadOnlyList<string> Files, string? Folder = null)
{
    public PackageManager Manager => Key.Manager;

    public string Name => Key.Name;
}
