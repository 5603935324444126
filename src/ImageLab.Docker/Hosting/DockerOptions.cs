using System.ComponentModel.DataAnnotations;
using ImageLab.Core.Builds;

namespace ImageLab.Docker.Hosting;

/// <summary>The <c>Docker</c> configuration section: which engine ImageLab builds on.</summary>
public sealed class DockerOptions
{
    public const string SectionName = "Docker";

    /// <summary>
    /// <c>unix:///path/to/docker.sock</c> or <c>tcp://host:port</c>. Defaults to <c>DOCKER_HOST</c>,
    /// else <c>unix:///var/run/docker.sock</c>.
    /// </summary>
    [Required]
    public string Endpoint { get; set; } = DefaultEndpoint();

    /// <summary>Folder with <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> for a TLS <c>tcp://</c> endpoint.</summary>
    public string? TlsCertPath { get; set; }

    /// <summary>Network mode of build steps: <c>default</c>, <c>host</c> or <c>none</c>.</summary>
    public BuildNetworkMode NetworkMode { get; set; } = BuildNetworkMode.None;

    internal static string DefaultEndpoint() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host
            ? host
            : "unix:///var/run/docker.sock";
}
