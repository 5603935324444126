namespace ImageLab.Core.Dockerfiles;

/// <summary>An image reference split into its parts: <c>registry/repository:tag@digest</c>.</summary>
/// <param name="Registry">The registry host (<c>ghcr.io</c>, <c>localhost:5000</c>), or <see langword="null"/> for Docker Hub.</param>
/// <param name="Repository">The repository path without Docker Hub's <c>library/</c> prefix (<c>python</c>, <c>dotnet/sdk</c>).</param>
/// <param name="Tag">The tag, or <see langword="null"/> when none is written.</param>
/// <param name="Digest">The digest (<c>sha256:...</c>), or <see langword="null"/>.</param>
public sealed record ImageReference(string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>The last segment of the repository path (<c>sdk</c> of <c>mcr.microsoft.com/dotnet/sdk</c>).</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>Splits <paramref name="reference"/>; never throws.</summary>
    public static ImageReference Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var rest = reference.Trim();
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        string? registry = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = rest[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                rest = rest[(slash + 1)..];
            }
        }

        if (registry is null or "docker.io" or "index.docker.io" && rest.StartsWith("library/", StringComparison.Ordinal))
        {
            rest = rest["library/".Length..];
        }

        return new ImageReference(registry is "docker.io" or "index.docker.io" ? null : registry, rest.ToLowerInvariant(), tag, digest);
    }
}
