using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;

namespace ImageLab.Benchmarks.Layers;

/// <summary>
/// Generates a legacy-layout save stream of about <c>targetMegabytes</c>: a base layer of many small files, a layer
/// of big files (half random, half text-like), a layer that overwrites and adds small files, and a cleanup layer
/// with whiteouts. Content is deterministic so runs compare.
/// </summary>
internal static class SyntheticSaveStream
{
    public static byte[] Generate(int targetMegabytes)
    {
        var random = new Random(42);
        var scale = targetMegabytes / 200.0;
        var layers = new List<byte[]>
        {
            Layer(random, writer =>
            {
                for (var i = 0; i < (int)(12_000 * scale); i++)
                {
                    AddFile(writer, random, $"usr/lib/pkg{i % 400}/file{i}.so", random.Next(512, 10_000), textLike: i % 2 == 0);
                }
            }),
            Layer(random, writer =>
            {
                for (var i = 0; i < 5; i++)
                {
                    AddFile(writer, random, $"opt/models/model{i}.bin", (int)(20_000_000 * scale), textLike: i % 2 == 1);
                }
            }),
            Layer(random, writer =>
            {
                for (var i = 0; i < (int)(6_000 * scale); i++)
                {
                    AddFile(writer, random, $"usr/lib/pkg{i % 400}/file{i * 2}.so", random.Next(512, 6_000), textLike: true);
                }

                AddFile(writer, random, "root/.cache/pip/http/wheel.whl", (int)(15_000_000 * scale), textLike: false);
            }),
            Layer(random, writer =>
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "root/.cache/.wh.pip"));
                for (var i = 0; i < 200; i++)
                {
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"usr/lib/pkg{i}/.wh.file{i}.so"));
                }
            }),
        };

        return Wrap(layers);
    }

    private static byte[] Layer(Random random, Action<TarWriter> fill)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            fill(writer);
        }

        return output.ToArray();
    }

    private static void AddFile(TarWriter writer, Random random, string name, int size, bool textLike)
    {
        var content = new byte[size];
        random.NextBytes(content);
        if (textLike)
        {
            // A small alphabet compresses to roughly half, like text and code.
            for (var i = 0; i < content.Length; i++)
            {
                content[i] = (byte)('a' + (content[i] & 0x0f));
            }
        }

        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
    }

    private static byte[] Wrap(List<byte[]> layers)
    {
        var diffIds = layers.Select(l => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(l))).ToList();
        var ids = diffIds.Select(d => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("id" + d)))).ToList();
        var config = JsonSerializer.SerializeToUtf8Bytes(new { rootfs = new { type = "layers", diff_ids = diffIds } });
        var configName = Convert.ToHexStringLower(SHA256.HashData(config)) + ".json";
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new[] { new { Config = configName, RepoTags = new[] { "bench:latest" }, Layers = ids.Select(i => i + "/layer.tar").ToArray() } });

        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            for (var i = 0; i < layers.Count; i++)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, ids[i] + "/"));
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, ids[i] + "/layer.tar") { DataStream = new MemoryStream(layers[i]) });
            }

            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, configName) { DataStream = new MemoryStream(config) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(manifest) });
        }

        return output.ToArray();
    }
}
