namespace ImageLab.Web.Hosting;

/// <summary>
/// ImageLab's one local address, <c>http://localhost:5080</c>: where <c>dotnet run</c>, the published app and the
/// <c>imagelab</c> CLI (<c>IMAGELAB_URL</c>'s default) meet when nothing else is configured.
/// </summary>
public static class DefaultAddressExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Listens on <see cref="DefaultUrl"/> unless an address is configured: <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c> (the container image's 8080) or Kestrel endpoints.
    /// </summary>
    public static WebApplicationBuilder UseImageLabDefaultAddress(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrEmpty(configuration["urls"])
            || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
