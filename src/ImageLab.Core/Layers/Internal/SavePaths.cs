namespace ImageLab.Core.Layers.Internal;

/// <summary>Names inside a save archive: normalising, following links, and digests from blob paths.</summary>
internal static class SavePaths
{
    public static string Normalize(string name)
    {
        var span = name.AsSpan();
        while (true)
        {
            if (span.StartsWith("./", StringComparison.Ordinal))
            {
                span = span[2..];
            }
            else if (span.StartsWith('/'))
            {
                span = span[1..];
            }
            else
            {
                break;
            }
        }

        return span.Length == name.Length ? name : span.ToString();
    }

    /// <summary>Resolves a symlink target written relative to the link's directory (e.g. "../blobs/sha256/…").</summary>
    public static string ResolveRelative(string linkName, string target)
    {
        if (target.StartsWith('/'))
        {
            return Normalize(target);
        }

        var slash = linkName.LastIndexOf('/');
        var segments = new List<string>(slash < 0 ? [] : linkName[..slash].Split('/'));
        foreach (var segment in target.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    public static string FollowLinks(string path, Dictionary<string, string> links)
    {
        path = Normalize(path);
        for (var hop = 0; hop < 16 && links.TryGetValue(path, out var target); hop++)
        {
            path = target;
        }

        return path;
    }

    public static bool TryGetBlobDigest(string path, out string digest)
    {
        // blobs/<algorithm>/<hex>
        var parts = path.Split('/');
        if (parts.Length == 3 && parts[0] == "blobs" && parts[1].Length > 0 && parts[2].Length > 0)
        {
            digest = parts[1] + ":" + parts[2];
            return true;
        }

        digest = string.Empty;
        return false;
    }

    public static string BlobPath(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? "blobs/sha256/" + digest : $"blobs/{digest[..colon]}/{digest[(colon + 1)..]}";
    }

    /// <summary>The image id from a config path: "blobs/sha256/abc" or legacy "abc.json".</summary>
    public static string? DigestOfConfigPath(string configPath)
    {
        if (TryGetBlobDigest(configPath, out var digest))
        {
            return digest;
        }

        return configPath.EndsWith(".json", StringComparison.Ordinal) && !configPath.Contains('/')
            ? "sha256:" + configPath[..^".json".Length]
            : null;
    }
}
