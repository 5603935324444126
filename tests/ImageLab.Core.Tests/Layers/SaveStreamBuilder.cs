using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImageLab.Core.Layers;
using ZstdSharp;

namespace ImageLab.Core.Tests.Layers;

/// <summary>Wraps layer tars into a synthetic <c>docker save</c> archive, legacy or OCI.</summary>
internal sealed class SaveStreamBuilder
{
    private readonly List<(byte[] Tar, LayerBlobCompression Compression, string CreatedBy)> _layers = [];

    public SaveLayout Layout { get; init; } = SaveLayout.Legacy;

    /// <summary>Put the manifest and config before the layers (docker save puts them after).</summary>
    public bool MetadataFirst { get; init; }

    /// <summary>OCI only: also write Docker's manifest.json, as Docker 25+ does.</summary>
    public bool WithDockerManifest { get; init; } = true;

    public string RepoTag { get; init; } = "imagelab-test/app:latest";

    public SaveStreamBuilder Layer(byte[] tar, LayerBlobCompression compression = LayerBlobCompression.None, string? createdBy = null)
    {
        _layers.Add((tar, compression, createdBy ?? $"RUN step {_layers.Count}"));
        return this;
    }

    public static string DiffId(byte[] tar) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar));

    public static string LegacyId(byte[] tar) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("legacy-id:" + DiffId(tar))));

    public byte[] Build()
    {
        var diffIds = _layers.Select(l => DiffId(l.Tar)).ToList();
        var config = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = diffIds },
            ["history"] = _layers.Select(l => new Dictionary<string, object> { ["created_by"] = l.CreatedBy })
                .Prepend(new Dictionary<string, object> { ["created_by"] = "ENV A=b", ["empty_layer"] = true })
                .ToList(),
        });
        var configHex = Convert.ToHexStringLower(SHA256.HashData(config));

        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            if (Layout == SaveLayout.Legacy)
            {
                WriteLegacy(writer, config, configHex);
            }
            else
            {
                WriteOci(writer, config, configHex);
            }
        }

        return output.ToArray();
    }

    private void WriteLegacy(TarWriter writer, byte[] config, string configHex)
    {
        var ids = _layers.Select(l => LegacyId(l.Tar)).ToList();
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            new Dictionary<string, object>
            {
                ["Config"] = configHex + ".json",
                ["RepoTags"] = new[] { RepoTag },
                ["Layers"] = ids.Select(id => id + "/layer.tar").ToList(),
            },
        });

        if (MetadataFirst)
        {
            File(writer, "manifest.json", manifest);
            File(writer, configHex + ".json", config);
        }

        for (var i = 0; i < _layers.Count; i++)
        {
            Dir(writer, ids[i] + "/");
            File(writer, ids[i] + "/VERSION", "1.0"u8.ToArray());
            File(writer, ids[i] + "/json", "{\"id\":\"x\"}"u8.ToArray());
            File(writer, ids[i] + "/layer.tar", _layers[i].Tar);
        }

        if (!MetadataFirst)
        {
            File(writer, configHex + ".json", config);
            File(writer, "manifest.json", manifest);
        }

        File(writer, "repositories", "{}"u8.ToArray());
    }

    private void WriteOci(TarWriter writer, byte[] config, string configHex)
    {
        var blobs = _layers.Select(l => Compress(l.Tar, l.Compression)).ToList();
        var blobHexes = blobs.Select(b => Convert.ToHexStringLower(SHA256.HashData(b))).ToList();
        var ociManifest = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = new Dictionary<string, object> { ["digest"] = "sha256:" + configHex, ["size"] = config.Length },
            ["layers"] = blobs.Select((b, i) => new Dictionary<string, object>
            {
                ["mediaType"] = "application/vnd.oci.image.layer.v1.tar",
                ["digest"] = "sha256:" + blobHexes[i],
                ["size"] = b.Length,
            }).ToList(),
        });
        var manifestHex = Convert.ToHexStringLower(SHA256.HashData(ociManifest));
        var index = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                    ["digest"] = "sha256:" + manifestHex,
                    ["size"] = ociManifest.Length,
                    ["annotations"] = new Dictionary<string, string> { ["io.containerd.image.name"] = RepoTag },
                },
            },
        });
        var dockerManifest = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            new Dictionary<string, object>
            {
                ["Config"] = "blobs/sha256/" + configHex,
                ["RepoTags"] = new[] { RepoTag },
                ["Layers"] = blobHexes.Select(h => "blobs/sha256/" + h).ToList(),
            },
        });

        Dir(writer, "blobs/");
        Dir(writer, "blobs/sha256/");
        if (MetadataFirst)
        {
            WriteOciMetadata(writer, index, dockerManifest);
        }

        // Blobs are written in digest order, as a directory walk would: metadata blobs fall among the layers.
        var all = blobs.Select((b, i) => (Hex: blobHexes[i], Bytes: b))
            .Append((Hex: configHex, Bytes: config))
            .Append((Hex: manifestHex, Bytes: ociManifest))
            .DistinctBy(b => b.Hex)
            .OrderBy(b => b.Hex, StringComparer.Ordinal);
        foreach (var (hex, bytes) in all)
        {
            File(writer, "blobs/sha256/" + hex, bytes);
        }

        if (!MetadataFirst)
        {
            WriteOciMetadata(writer, index, dockerManifest);
        }
    }

    private void WriteOciMetadata(TarWriter writer, byte[] index, byte[] dockerManifest)
    {
        File(writer, "index.json", index);
        if (WithDockerManifest)
        {
            File(writer, "manifest.json", dockerManifest);
        }

        File(writer, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}"u8.ToArray());
    }

    public static byte[] Compress(byte[] tar, LayerBlobCompression compression)
    {
        switch (compression)
        {
            case LayerBlobCompression.Gzip:
                using (var output = new MemoryStream())
                {
                    using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
                    {
                        gzip.Write(tar);
                    }

                    return output.ToArray();
                }

            case LayerBlobCompression.Zstd:
                using (var compressor = new Compressor())
                {
                    return compressor.Wrap(tar).ToArray();
                }

            default:
                return tar;
        }
    }

    private static void File(TarWriter writer, string name, byte[] content)
    {
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
    }

    private static void Dir(TarWriter writer, string name) => writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name));
}
