using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Hosting;

/// <summary>
/// ImageLab behind a reverse proxy: only the proxies of <see cref="ProxyOptions"/> are believed about the client's address
/// (sign-in throttling, logs), scheme and host (redirects, the same-origin check, secure cookies); an HTTPS answer
/// carries <c>Strict-Transport-Security</c>, and the sign-in and antiforgery cookies are <c>Secure</c> on HTTPS.
/// </summary>
public static class ProxyExtensions
{
    public static IServiceCollection AddImageLabProxy(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>>(new ProxyOptionsValidator());
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Walk back through every trusted proxy of a chain, stopping at the first address that is not one.
            forwarded.ForwardLimit = null;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxyList)
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.KnownNetworkList)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<ProxyOptions>>((hsts, proxy) => hsts.MaxAge = TimeSpan.FromDays(proxy.Value.HstsDays));
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address, scheme and host.</summary>
    public static WebApplication UseImageLabProxy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxy = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
        if (proxy.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }

        if (proxy.HstsDays > 0)
        {
            app.UseHsts();
        }

        return app;
    }

    private sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
