using System.ComponentModel.DataAnnotations;

namespace ImageLab.Web.Hosting;

/// <summary>The <c>Metrics</c> section: who may scrape <c>/metrics</c> (Prometheus text format).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// <c>Admins</c> (default): signed-in admins and admin API tokens only. <c>Open</c>: anyone who reaches the app.
    /// </summary>
    [RegularExpression("^(Admins|Open)$", ErrorMessage = "Metrics:Access must be Admins or Open.")]
    public string Access { get; set; } = "Admins";

    /// <summary>
    /// A port on which <c>/metrics</c> answers without sign-in (for a scraper on a private network), whatever
    /// <see cref="Access"/> says of the other ports; 0 for none. The app must listen on it: add it to the URLs
    /// (e.g. <c>ASPNETCORE_URLS=http://+:8080;http://+:9464</c>).
    /// </summary>
    [Range(0, 65535, ErrorMessage = "Metrics:Port must be a port number (1-65535), or 0 for none.")]
    public int Port { get; set; }

    public bool IsOpen => Access == "Open";
}
