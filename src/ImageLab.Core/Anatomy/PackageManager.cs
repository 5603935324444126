namespace ImageLab.Core.Anatomy;

/// <summary>The package databases ImageLab reads out of an image's layers.</summary>
public enum PackageManager
{
    /// <summary>Debian and Ubuntu: <c>/var/lib/dpkg/status</c> and <c>/var/lib/dpkg/info/*.list</c>.</summary>
    Dpkg,

    /// <summary>Alpine: <c>/lib/apk/db/installed</c>.</summary>
    Apk,

    /// <summary>Python distributions: <c>*.dist-info/RECORD</c> in any site-packages.</summary>
    Python,

    /// <summary>npm: <c>node_modules/*/package.json</c>.</summary>
    Npm,
}
