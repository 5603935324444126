namespace ImageLab.Core.Anatomy;

/// <summary>Classifies a file path into a <see cref="ByteKind"/>; path rules only, so it costs nothing per file.</summary>
public static class ByteKinds
{
    private static readonly string[] DocumentationFolders = ["/usr/share/doc/", "/usr/share/man/", "/usr/share/info/", "/usr/share/gtk-doc/", "/usr/local/share/man/", "/usr/local/share/doc/"];
    private static readonly string[] LocaleFolders = ["/usr/share/locale/", "/usr/share/i18n/", "/usr/lib/locale/", "/usr/local/share/locale/"];
    private static readonly string[] CacheFolders = ["/var/cache/apt/", "/var/lib/apt/lists/", "/var/cache/apk/", "/var/cache/debconf/", "/root/.cache/", "/root/.npm/", "/usr/local/share/.cache/"];
    private static readonly string[] ToolchainFolders = ["/usr/lib/gcc/", "/usr/libexec/gcc/", "/usr/lib/gcc-cross/", "/usr/local/go/", "/usr/lib/go/", "/usr/lib/llvm-", "/root/.rustup/", "/usr/local/rustup/", "/root/.cargo/registry/", "/usr/local/cargo/registry/"];
    private static readonly string[] ToolchainPrograms = ["gcc", "g++", "cc", "c++", "cpp", "ld", "ld.bfd", "ld.gold", "as", "ar", "ranlib", "objcopy", "objdump", "strip", "make", "gfortran", "clang", "rustc", "cargo", "go", "lto-dump"];
    private static readonly string[] HeaderExtensions = [".h", ".hh", ".hpp", ".hxx"];

    public static ByteKind Classify(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains("/__pycache__/", StringComparison.Ordinal) || path.EndsWith(".pyc", StringComparison.Ordinal))
        {
            return ByteKind.BytecodeCaches;
        }
        if (StartsWithAny(path, CacheFolders) || path.Contains("/node_modules/.cache/", StringComparison.Ordinal) || path.Contains("/.cache/pip/", StringComparison.Ordinal))
        {
            return ByteKind.PackageCaches;
        }
        if (StartsWithAny(path, DocumentationFolders))
        {
            return ByteKind.Documentation;
        }
        if (StartsWithAny(path, LocaleFolders))
        {
            return ByteKind.Locales;
        }
        if (path.StartsWith("/usr/lib/debug/", StringComparison.Ordinal) || path.EndsWith(".debug", StringComparison.Ordinal))
        {
            return ByteKind.DebugInfo;
        }
        if (IsTestInPackage(path))
        {
            return ByteKind.TestsInPackages;
        }
        if (path.EndsWith(".a", StringComparison.Ordinal) || path.StartsWith("/usr/include/", StringComparison.Ordinal)
            || path.StartsWith("/usr/local/include/", StringComparison.Ordinal) || EndsWithAny(path, HeaderExtensions))
        {
            return ByteKind.StaticLibrariesAndHeaders;
        }
        if (StartsWithAny(path, ToolchainFolders) || IsToolchainProgram(path))
        {
            return ByteKind.Toolchains;
        }
        return ByteKind.Other;
    }

    private static bool IsTestInPackage(string path)
    {
        var inPackages = path.Contains("/site-packages/", StringComparison.Ordinal) || path.Contains("/dist-packages/", StringComparison.Ordinal)
            || path.Contains("/node_modules/", StringComparison.Ordinal);
        if (inPackages)
        {
            return path.Contains("/tests/", StringComparison.Ordinal) || path.Contains("/test/", StringComparison.Ordinal)
                || path.Contains("/__tests__/", StringComparison.Ordinal);
        }
        // The standard library's own test suite (python3.x/test), shipped by full Python images.
        return path.StartsWith("/usr/lib/python3", StringComparison.Ordinal) && path.Contains("/test/", StringComparison.Ordinal)
            || path.StartsWith("/usr/local/lib/python3", StringComparison.Ordinal) && path.Contains("/test/", StringComparison.Ordinal);
    }

    private static bool IsToolchainProgram(string path)
    {
        if (!path.StartsWith("/usr/bin/", StringComparison.Ordinal) && !path.StartsWith("/usr/local/bin/", StringComparison.Ordinal))
        {
            return false;
        }
        var name = path[(path.LastIndexOf('/') + 1)..];
        // Versioned and target-prefixed names: gcc-12, x86_64-linux-gnu-gcc-12, x86_64-linux-gnu-ld.
        var dash = name.LastIndexOf("-linux-gnu-", StringComparison.Ordinal);
        if (dash >= 0)
        {
            name = name[(dash + "-linux-gnu-".Length)..];
        }
        foreach (var program in ToolchainPrograms)
        {
            if (name == program || (name.StartsWith(program + "-", StringComparison.Ordinal) && name.Length > program.Length + 1 && char.IsDigit(name[program.Length + 1])))
            {
                return true;
            }
        }
        return false;
    }

    private static bool StartsWithAny(string path, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool EndsWithAny(string path, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
