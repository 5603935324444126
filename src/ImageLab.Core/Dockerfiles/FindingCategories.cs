namespace ImageLab.Core.Dockerfiles;

/// <summary>The values of <see cref="Finding.Category"/>.</summary>
public static class FindingCategories
{
    /// <summary>A package manager's cache or index left in a layer.</summary>
    public const string Cache = "cache";

    /// <summary>The choice or pinning of a base image.</summary>
    public const string BaseImage = "base-image";

    /// <summary>Compilers and headers that ship in the final image.</summary>
    public const string BuildTools = "build-tools";

    /// <summary>What the build context sends and what COPY takes from it.</summary>
    public const string Context = "context";

    /// <summary>How instructions map to layers.</summary>
    public const string Layers = "layers";

    /// <summary>The Dockerfile itself cannot be parsed as written.</summary>
    public const string Syntax = "syntax";
}
