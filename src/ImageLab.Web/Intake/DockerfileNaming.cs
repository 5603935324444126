using System.Text.RegularExpressions;

namespace ImageLab.Web.Intake;

/// <summary>Which files of a context are iterations, in which order, and what they are called.</summary>
public static partial class DockerfileNaming
{
    /// <summary>True for <c>Dockerfile</c>, <c>Dockerfile.&lt;name&gt;</c> and <c>&lt;name&gt;.Dockerfile</c> (any folder, any case).</summary>
    public static bool MayBeDockerfile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = FileName(path);
        return file.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || (file.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) && file.Length > "Dockerfile.".Length)
            || (file.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase) && file.Length > ".Dockerfile".Length);
    }

    /// <summary>The iterations among the paths, in natural name order (<c>v2</c> before <c>v10</c>); .dockerignore-style files excluded.</summary>
    public static IEnumerable<string> FindIterations(IEnumerable<string> paths) =>
        paths.Where(MayBeDockerfile)
            .Where(p => !FileName(p).EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase))
            .Order(NaturalComparer.Instance);

    /// <summary><c>Dockerfile.slim</c> and <c>slim.Dockerfile</c> are "slim"; a plain <c>Dockerfile</c> is "Dockerfile".</summary>
    public static string IterationName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = FileName(path);
        if (file.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase))
        {
            return file["Dockerfile.".Length..];
        }

        return file.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase) ? file[..^".Dockerfile".Length] : file;
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private sealed partial class NaturalComparer : IComparer<string>
    {
        public static readonly NaturalComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Chunks().Matches(x ?? "");
            var b = Chunks().Matches(y ?? "");
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var left = a[i].Value;
                var right = b[i].Value;
                var result = char.IsAsciiDigit(left[0]) && char.IsAsciiDigit(right[0])
                    ? decimal.Parse(left, System.Globalization.CultureInfo.InvariantCulture).CompareTo(decimal.Parse(right, System.Globalization.CultureInfo.InvariantCulture))
                    : string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
                if (result != 0)
                {
                    return result;
                }
            }

            return a.Count.CompareTo(b.Count);
        }

        [GeneratedRegex(@"\d+|\D+")]
        private static partial Regex Chunks();
    }
}
