namespace ImageLab.Core.Anatomy;

/// <summary>
/// Which files of a layer are package databases whose content the analysis keeps (everything else is read for its
/// size only), and how much of one it keeps: a database larger than <see cref="MaxBytesPerFile"/> is skipped, so a
/// hostile layer cannot make the analysis hold more than that per file.
/// </summary>
public static class PackageDatabaseFiles
{
    /// <summary>Debian 12's full status file with every package of a large desktop is about 3 MB.</summary>
    public const int MaxBytesPerFile = 16 * 1024 * 1024;

    public static bool IsDatabase(string path) =>
        path == DpkgStatus.Path
        || path == AptExtendedStates.Path
        || path == ApkInstalled.Path
        || DpkgFileList.PackageOf(path) is not null
        || PythonRecord.IsRecord(path)
        || NpmPackageJson.IsPackageJson(path);
}
