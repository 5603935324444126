using System.Text.RegularExpressions;

namespace ImageLab.Core.Layers.Internal;

/// <summary>Path patterns of known waste, and the advice that goes with each.</summary>
internal static partial class WastePatterns
{
    private static readonly (string Prefix, string PatternId)[] CachePrefixes =
    [
        ("/root/.cache/pip/", WastePatternIds.PipCache),
        ("/root/.cache/uv/", WastePatternIds.UvCache),
        ("/root/.npm/", WastePatternIds.NpmCache),
        ("/usr/local/share/.cache/yarn/", WastePatternIds.YarnCache),
        ("/var/lib/apt/lists/", WastePatternIds.AptLists),
        ("/var/cache/apt/archives/", WastePatternIds.AptArchives),
        ("/var/cache/apk/", WastePatternIds.ApkCache),
    ];

    private static readonly string[] ToolchainPrefixes =
    [
        "/usr/include/",
        "/usr/lib/gcc/",
        "/usr/libexec/gcc/",
        "/usr/local/include/",
    ];

    /// <summary>The cache or bytecode pattern a written file belongs to, or null.</summary>
    public static string? MatchWritten(string path)
    {
        foreach (var (prefix, id) in CachePrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return id == WastePatternIds.AptLists && path.EndsWith("/lock", StringComparison.Ordinal) ? null
                    : id == WastePatternIds.AptArchives && !path.EndsWith(".deb", StringComparison.Ordinal) ? null
                    : id;
            }
        }

        if (path.Contains("/.yarn-cache/", StringComparison.Ordinal) || path.Contains("/.cache/yarn/", StringComparison.Ordinal))
        {
            return WastePatternIds.YarnCache;
        }

        if (path.EndsWith(".pyc", StringComparison.Ordinal) || path.Contains("/__pycache__/", StringComparison.Ordinal))
        {
            return WastePatternIds.PythonBytecode;
        }

        return null;
    }

    /// <summary>Whether a file surviving into the final image belongs to a C/C++ build toolchain.</summary>
    public static bool IsToolchain(string path)
    {
        foreach (var prefix in ToolchainPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (path.StartsWith("/usr/share/doc/", StringComparison.Ordinal))
        {
            var rest = path.AsSpan("/usr/share/doc/".Length);
            var slash = rest.IndexOf('/');
            return slash > 0 && rest[..slash].EndsWith("-dev", StringComparison.Ordinal);
        }

        if (path.StartsWith("/usr/bin/", StringComparison.Ordinal) || path.StartsWith("/usr/local/bin/", StringComparison.Ordinal))
        {
            return CompilerName().IsMatch(path.AsSpan(path.LastIndexOf('/') + 1));
        }

        return false;
    }

    // gcc, g++, cc, c++, cc1, cpp, gcc-12, x86_64-linux-gnu-gcc-12, x86_64-linux-gnu-g++ ...
    [GeneratedRegex(@"^(?:[a-z0-9_]+-linux-gnu[a-z]*-)?(?:gcc|g\+\+|cc|c\+\+|cc1|cc1plus|cpp)(?:-[0-9.]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CompilerName();

    public static string Describe(string patternId, long bytes, int layerIndex)
    {
        var size = ByteFormatter.Format(bytes);
        return patternId switch
        {
            WastePatternIds.PipCache => $"Layer {layerIndex} keeps {size} of pip's download cache (/root/.cache/pip): install with `pip install --no-cache-dir`, or use `RUN --mount=type=cache,target=/root/.cache/pip`.",
            WastePatternIds.UvCache => $"Layer {layerIndex} keeps {size} of uv's cache (/root/.cache/uv): set `UV_NO_CACHE=1`, or use `RUN --mount=type=cache,target=/root/.cache/uv`.",
            WastePatternIds.NpmCache => $"Layer {layerIndex} keeps {size} of npm's cache (/root/.npm): run `npm ci && npm cache clean --force` in the same RUN, or use a cache mount.",
            WastePatternIds.YarnCache => $"Layer {layerIndex} keeps {size} of yarn's cache: run `yarn cache clean` in the same RUN, or use a cache mount.",
            WastePatternIds.AptLists => $"Layer {layerIndex} keeps {size} of apt package lists (/var/lib/apt/lists): end the same RUN with `rm -rf /var/lib/apt/lists/*`.",
            WastePatternIds.AptArchives => $"Layer {layerIndex} keeps {size} of downloaded .deb archives (/var/cache/apt/archives): run `apt-get clean` in the same RUN.",
            WastePatternIds.ApkCache => $"Layer {layerIndex} keeps {size} of apk's cache (/var/cache/apk): use `apk add --no-cache`.",
            WastePatternIds.PythonBytecode => $"Layer {layerIndex} holds {size} of Python bytecode (__pycache__, .pyc): set `PYTHONDONTWRITEBYTECODE=1`, or compile on purpose in a build stage.",
            WastePatternIds.BuildToolchain => $"Layer {layerIndex} leaves {size} of C/C++ build toolchain (compilers, headers) in the final image: build in a separate stage and copy only the results.",
            WastePatternIds.ChmodCopy => $"Layer {layerIndex} re-adds {size} of files that a lower layer already holds with the same size and modification time (a chmod/chown in its own RUN duplicates every file): use `COPY --chmod`/`--chown` instead.",
            WastePatternIds.LargeFile => $"Layer {layerIndex} holds a single file of {size}, such as model weights: mount it as a volume or download it at start instead of baking it into the image.",
            _ => $"Layer {layerIndex}: {size} ({patternId}).",
        };
    }
}
