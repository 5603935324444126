using System.IO.Pipes;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace ImageLab.Docker.Transport;

/// <summary>
/// The raw HTTP side of an engine endpoint, for the calls Docker.DotNet cannot make (BuildKit's
/// progress stream) or that must stream in both directions: one <see cref="HttpClient"/> over a
/// <see cref="SocketsHttpHandler"/> that dials the unix socket, the named pipe or TCP (with TLS
/// client certificates when a certificate folder is given).
/// </summary>
internal static class EngineHttpTransport
{
    public static HttpClient Create(Uri endpoint, string? tlsCertPath)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var handler = new SocketsHttpHandler
        {
            // Builds stream for as long as they run; the caller's token bounds them, not a timer.
            ResponseDrainTimeout = TimeSpan.Zero,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        Uri baseAddress;
        switch (endpoint.Scheme)
        {
            case "unix":
                var socketPath = endpoint.AbsolutePath;
                handler.ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
                baseAddress = new Uri("http://docker.sock/");
                break;
            case "npipe":
                var pipeName = endpoint.Segments[^1];
                var server = endpoint.Host is { Length: > 0 } host ? host : ".";
                handler.ConnectCallback = async (_, cancellationToken) =>
                {
                    var pipe = new NamedPipeClientStream(server, pipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
                    try
                    {
                        await pipe.ConnectAsync(cancellationToken);
                        return pipe;
                    }
                    catch
                    {
                        await pipe.DisposeAsync();
                        throw;
                    }
                };
                baseAddress = new Uri("http://docker.pipe/");
                break;
            case "tcp" or "http" or "https":
                var tls = !string.IsNullOrEmpty(tlsCertPath) || endpoint.Scheme == "https";
                if (!string.IsNullOrEmpty(tlsCertPath))
                {
                    ConfigureTls(handler, tlsCertPath);
                }

                baseAddress = new UriBuilder(tls ? "https" : "http", endpoint.Host, endpoint.Port).Uri;
                break;
            default:
                throw new ArgumentException($"Endpoint '{endpoint}' is not a unix://, tcp:// or npipe:// address.", nameof(endpoint));
        }

        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    private static void ConfigureTls(SocketsHttpHandler handler, string certPath)
    {
        var clientCertificate = X509Certificate2.CreateFromPemFile(Path.Combine(certPath, "cert.pem"), Path.Combine(certPath, "key.pem"));
        var authority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(certPath, "ca.pem"));
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            ClientCertificates = [clientCertificate],
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                {
                    return false;
                }

                // The engine's certificate is signed by the folder's ca.pem, not by a public root.
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            },
        };
    }
}
