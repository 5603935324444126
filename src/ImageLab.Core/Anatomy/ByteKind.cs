namespace ImageLab.Core.Anatomy;

/// <summary>What a file's bytes are for, judged by where it lives (and, for debug info, by its ELF sections): the kinds of bytes a slimmer image usually drops.</summary>
public enum ByteKind
{
    /// <summary>Everything else: programs, libraries, data, the application.</summary>
    Other,

    /// <summary><c>/usr/share/doc</c>, man and info pages.</summary>
    Documentation,

    /// <summary>Translations and locale data.</summary>
    Locales,

    /// <summary>
    /// Debug symbols: separate debug files (<c>/usr/lib/debug</c>, <c>*.debug</c>) and the ELF <c>.debug*</c> and
    /// <c>.zdebug*</c> sections inside unstripped programs and libraries.
    /// </summary>
    DebugInfo,

    /// <summary>Static libraries (<c>*.a</c>) and C/C++ headers: only compilers read them.</summary>
    StaticLibrariesAndHeaders,

    /// <summary>Compilers, linkers and their support files (gcc, binutils, Go, Rust toolchains).</summary>
    Toolchains,

    /// <summary>Package managers' download caches and indexes (apt lists and archives, pip, npm, apk, yarn).</summary>
    PackageCaches,

    /// <summary>Test suites shipped inside installed packages.</summary>
    TestsInPackages,

    /// <summary>Compiled Python byte-code (<c>__pycache__</c>, <c>*.pyc</c>).</summary>
    BytecodeCaches,
}
