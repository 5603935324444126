namespace ImageLab.Core.Layers;

/// <summary>Stable identifiers of <see cref="WasteFinding.PatternId"/>, safe to store.</summary>
public static class WastePatternIds
{
    public const string PipCache = "pip-cache";
    public const string UvCache = "uv-cache";
    public const string NpmCache = "npm-cache";
    public const string YarnCache = "yarn-cache";
    public const string AptLists = "apt-lists";
    public const string AptArchives = "apt-archives";
    public const string ApkCache = "apk-cache";
    public const string PythonBytecode = "python-bytecode";
    public const string BuildToolchain = "build-toolchain";
    public const string ChmodCopy = "chmod-copy";
    public const string LargeFile = "large-file";
}
