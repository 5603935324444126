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

    private static readonly string[] NameEndings = ["/status", "/extended_states", "/installed", ".list", "/RECORD", "/package.json"];

    /// <summary>A cheap first look at a raw tar entry name ("./var/lib/dpkg/status", "usr/lib/…/RECORD"), before it is normalised.</summary>
    public static bool MayBeDatabase(string tarEntryName)
    {
        foreach (var ending in NameEndings)
        {
            if (tarEntryName.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <param name="path">A normalised absolute path.</param>
    public static bool IsDatabase(string path) =>
        path == DpkgStatus.Path
        || path == AptExtendedStates.Path
        || path == ApkInstalled.Path
        || DpkgFileList.PackageOf(path) is not null
        || PythonRecord.IsRecord(path)
        || NpmPackageJson.IsPackageJson(path);
}
