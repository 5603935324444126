using ImageLab.Core.Layers;

namespace ImageLab.Core.Advice;

/// <summary>Which measured waste patterns each rule is about, and how a pattern reads in a sentence.</summary>
internal static class WasteLabels
{
    public static readonly string[] Caches =
    [
        WastePatternIds.PipCache, WastePatternIds.UvCache, WastePatternIds.NpmCache, WastePatternIds.YarnCache,
        WastePatternIds.AptLists, WastePatternIds.AptArchives, WastePatternIds.ApkCache,
    ];

    public static IReadOnlyList<string> PatternsFor(string ruleId) => ruleId switch
    {
        "DL3042" => [WastePatternIds.PipCache],
        "IL007" => [WastePatternIds.UvCache],
        "DL3009" => [WastePatternIds.AptLists, WastePatternIds.AptArchives],
        "DL3019" => [WastePatternIds.ApkCache],
        "DL3060" => [WastePatternIds.YarnCache],
        "IL006" => Caches,
        "IL001" or "IL002" => [WastePatternIds.BuildToolchain],
        "IL005" => [WastePatternIds.LargeFile],
        _ => [],
    };

    public static string Label(string patternId) => patternId switch
    {
        WastePatternIds.PipCache => "pip cache",
        WastePatternIds.UvCache => "uv cache",
        WastePatternIds.NpmCache => "npm cache",
        WastePatternIds.YarnCache => "yarn cache",
        WastePatternIds.AptLists => "apt lists",
        WastePatternIds.AptArchives => "apt archives",
        WastePatternIds.ApkCache => "apk cache",
        WastePatternIds.PythonBytecode => "Python bytecode",
        WastePatternIds.BuildToolchain => "build toolchain",
        WastePatternIds.ChmodCopy => "chmod/chown copies",
        WastePatternIds.LargeFile => "large files",
        _ => patternId,
    };
}
