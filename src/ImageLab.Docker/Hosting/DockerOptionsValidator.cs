using Microsoft.Extensions.Options;

namespace ImageLab.Docker.Hosting;

/// <summary>Checks the <c>Docker</c> section beyond data annotations, with sentences that name the setting.</summary>
internal sealed class DockerOptionsValidator : IValidateOptions<DockerOptions>
{
    private static readonly string[] CertificateFiles = ["ca.pem", "cert.pem", "key.pem"];

    public ValidateOptionsResult Validate(string? name, DockerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("unix" or "tcp" or "npipe"))
        {
            failures.Add($"Docker:Endpoint '{options.Endpoint}' is not a unix://, tcp:// or npipe:// address.");
        }
        else if (endpoint.Scheme == "unix" && endpoint.AbsolutePath.Length <= 1)
        {
            failures.Add($"Docker:Endpoint '{options.Endpoint}' names no socket file (expected e.g. unix:///var/run/docker.sock).");
        }
        else if (endpoint.Scheme == "tcp" && (endpoint.Host.Length == 0 || endpoint.IsDefaultPort))
        {
            failures.Add($"Docker:Endpoint '{options.Endpoint}' needs a host and a port (e.g. tcp://docker.example:2376).");
        }

        if (!string.IsNullOrWhiteSpace(options.TlsCertPath))
        {
            if (!Directory.Exists(options.TlsCertPath))
            {
                failures.Add($"Docker:TlsCertPath '{options.TlsCertPath}' is not a folder.");
            }
            else
            {
                var missing = CertificateFiles.Where(f => !File.Exists(Path.Combine(options.TlsCertPath, f))).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"Docker:TlsCertPath '{options.TlsCertPath}' lacks {string.Join(", ", missing)} (it must hold ca.pem, cert.pem and key.pem).");
                }
            }

            if (endpoint is not null && endpoint.Scheme != "tcp")
            {
                failures.Add($"Docker:TlsCertPath is set but Docker:Endpoint '{options.Endpoint}' is not a tcp:// address; TLS certificates apply to tcp:// only.");
            }
        }

        if (!Enum.IsDefined(options.NetworkMode))
        {
            failures.Add($"Docker:NetworkMode '{options.NetworkMode}' is not one of default, host or none.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
