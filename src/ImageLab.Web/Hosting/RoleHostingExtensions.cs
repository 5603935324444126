using ImageLab.Data.Hosting;
using ImageLab.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Hosting;

/// <summary>
/// <c>--role web|worker|all</c> (configuration key <c>Role</c>): which parts of ImageLab this process runs.
/// Processes of any role share one PostgreSQL database; live events cross them through it. The embedded SQLite store
/// (no <c>ConnectionStrings:ImageLab</c>) serves one process, so it takes only <c>all</c>.
/// </summary>
public static class RoleHostingExtensions
{
    public const string SettingName = "Role";

    /// <summary>
    /// Reads and checks the role and whether this process runs builds, and registers the answer (<see cref="ProcessRole"/>).
    /// The role decides: <c>web</c> runs no builds whatever <c>Worker:Enabled</c> says, so nothing is rewritten.
    /// </summary>
    public static ProcessRole AddImageLabRole(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var role = ReadRole(builder.Configuration);
        var workerEnabledKey = $"{WorkerOptions.SectionName}:{nameof(WorkerOptions.Enabled)}";
        var workerEnabled = builder.Configuration.GetValue(workerEnabledKey, defaultValue: true);
        if (role == ImageLabRole.Worker && !workerEnabled)
        {
            throw Invalid($"--role worker runs builds, but {workerEnabledKey} is false: remove one of the two settings.");
        }

        var embedded = DataServiceCollectionExtensions.ResolveStore(builder.Configuration).IsEmbedded;
        if (embedded && role != ImageLabRole.All)
        {
            throw Invalid($"--role {role.ToString().ToLowerInvariant()} needs the shared PostgreSQL store: set ConnectionStrings:ImageLab. Without it ImageLab uses the embedded SQLite store, which serves one process (--role all).");
        }

        var process = new ProcessRole(role, RunsBuilds: role != ImageLabRole.Web && workerEnabled);
        builder.Services.AddSingleton(process);
        return process;
    }

    internal static ImageLabRole ReadRole(IConfiguration configuration)
    {
        var value = configuration[SettingName];
        return value?.Trim().ToUpperInvariant() switch
        {
            null or "" or "ALL" => ImageLabRole.All,
            "WEB" => ImageLabRole.Web,
            "WORKER" => ImageLabRole.Worker,
            _ => throw Invalid($"--role '{value}' is not one of web, worker or all (the setting Role; default all)."),
        };
    }

    private static OptionsValidationException Invalid(string sentence) =>
        new(SettingName, typeof(ImageLabRole), [sentence]);
}
