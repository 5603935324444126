namespace ImageLab.Cli.Api;

/// <summary>Where the server is and how to authenticate: <c>--url</c>/<c>IMAGELAB_URL</c>, <c>--token</c>/<c>IMAGELAB_TOKEN</c>.</summary>
public sealed record ServerAddress(Uri BaseAddress, string? Token)
{
    public const string DefaultUrl = "http://localhost:5080";

    public static ServerAddress Resolve(string? url, string? token, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = FirstNonEmpty(url, environment("IMAGELAB_URL")) ?? DefaultUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"The server URL '{text}' is not an http:// or https:// address (--url or IMAGELAB_URL).");
        }

        // A trailing slash makes relative paths land under a server hosted on a sub-path.
        var baseAddress = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return new ServerAddress(baseAddress, FirstNonEmpty(token, environment("IMAGELAB_TOKEN")));
    }

    public Uri ExperimentPage(long experimentId) => new(BaseAddress, $"experiments/{experimentId}");

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
