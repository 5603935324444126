namespace ImageLab.Web.Hosting;

/// <summary>What one process does (<c>--role</c>): everything, only the web side, or only builds.</summary>
public enum ImageLabRole
{
    /// <summary>Pages, API, hub and the build worker in one process (the default).</summary>
    All,

    /// <summary>Pages, API and hub; builds run in worker processes.</summary>
    Web,

    /// <summary>Build loops and <c>/healthz</c> only.</summary>
    Worker,
}
