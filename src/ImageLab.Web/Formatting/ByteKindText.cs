using ImageLab.Core.Anatomy;

namespace ImageLab.Web.Formatting;

/// <summary>A <see cref="ByteKind"/> in words, and the CSS class that gives it the same colour everywhere.</summary>
public static class ByteKindText
{
    public static string Name(ByteKind kind) => kind switch
    {
        ByteKind.Documentation => "Documentation",
        ByteKind.Locales => "Locales",
        ByteKind.DebugInfo => "Debug info",
        ByteKind.StaticLibrariesAndHeaders => "Static libraries and headers",
        ByteKind.Toolchains => "Compiler toolchains",
        ByteKind.PackageCaches => "Package-manager caches",
        ByteKind.TestsInPackages => "Tests inside packages",
        ByteKind.BytecodeCaches => "Byte-code caches",
        _ => "Programs, libraries and data",
    };

    /// <summary>"kind-documentation", "kind-other": one colour per kind.</summary>
    public static string CssClass(ByteKind kind) => "kind-" + kind.ToString().ToLowerInvariant();
}
