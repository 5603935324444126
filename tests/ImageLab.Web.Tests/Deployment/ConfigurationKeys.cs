using System.Reflection;
using ImageLab.Data.Hosting;
using ImageLab.Docker.Hosting;
using ImageLab.Worker.Analysis;
using ImageLab.Worker.Hosting;

namespace ImageLab.Web.Tests.Deployment;

/// <summary>Whether an environment variable names a setting the app really reads (options classes' sections and properties).</summary>
public static class ConfigurationKeys
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [DatabaseOptions.SectionName] = typeof(DatabaseOptions),
        [DockerOptions.SectionName] = typeof(DockerOptions),
        [WorkerOptions.SectionName] = typeof(WorkerOptions),
        [AnalysisOptions.SectionName] = typeof(AnalysisOptions),
    };

    private static readonly HashSet<string> Plain = new(StringComparer.OrdinalIgnoreCase)
    {
        $"ConnectionStrings__{DataServiceCollectionExtensions.ConnectionStringName}",
        "ASPNETCORE_URLS",
        "ASPNETCORE_ENVIRONMENT",
        "DOTNET_RUNNING_IN_CONTAINER",
    };

    /// <summary>Null when the app reads <paramref name="variable"/>, else a sentence saying why not.</summary>
    public static string? Check(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (Plain.Contains(variable))
        {
            return null;
        }

        var parts = variable.Split("__");
        if (parts.Length != 2 || !Sections.TryGetValue(parts[0], out var options))
        {
            return $"{variable} is not a section ImageLab reads ({string.Join(", ", Sections.Keys)}) nor one of {string.Join(", ", Plain)}.";
        }

        return options.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true }
            ? null
            : $"{variable}: {options.Name} has no settable property {parts[1]}.";
    }
}
