using System.Net;

namespace ImageLab.Web.Hosting;

/// <summary>
/// The <c>Proxy</c> section: the reverse proxies (TLS terminators, load balancers) whose <c>X-Forwarded-For</c>,
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> ImageLab believes. Nobody's by default: a request's own
/// address, scheme and host count. See <see cref="ProxyExtensions"/>.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Addresses of trusted proxies, comma-separated (e.g. <c>10.0.0.5,fd00::5</c>).</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Networks of trusted proxies in CIDR notation, comma-separated (e.g. <c>10.0.0.0/8</c>).</summary>
    public string KnownNetworks { get; set; } = "";

    /// <summary>How long browsers keep to HTTPS after an HTTPS answer (<c>Strict-Transport-Security</c>); 0 sends none.</summary>
    public int HstsDays { get; set; } = 365;

    public IReadOnlyList<IPAddress> KnownProxyList => [.. Items(KnownProxies).Select(IPAddress.Parse)];

    public IReadOnlyList<IPNetwork> KnownNetworkList => [.. Items(KnownNetworks).Select(IPNetwork.Parse)];

    public bool TrustsAnyProxy => KnownProxyList.Count > 0 || KnownNetworkList.Count > 0;

    /// <summary>The sentences that name what is wrong with these settings (none when they are right).</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var item in Items(KnownProxies).Where(i => !IPAddress.TryParse(i, out _)))
        {
            yield return $"Proxy:KnownProxies lists '{item}', which is not an IP address (e.g. 10.0.0.5).";
        }

        foreach (var item in Items(KnownNetworks).Where(i => !IPNetwork.TryParse(i, out _)))
        {
            yield return $"Proxy:KnownNetworks lists '{item}', which is not a network in CIDR notation (e.g. 10.0.0.0/8).";
        }

        if (HstsDays is < 0 or > 3650)
        {
            yield return "Proxy:HstsDays must be between 0 (no Strict-Transport-Security) and 3650.";
        }
    }

    private static string[] Items(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
