using System.IO.Compression;
using System.Text;

namespace ImageLab.Data.Analysis;

/// <summary>
/// The stored form of a layer's package databases (<c>analyzed_layers.package_databases</c>): gzip over a count,
/// then each path and text as length-prefixed UTF-8. dpkg's file lists compress about tenfold.
/// </summary>
internal static class PackageDatabaseCodec
{
    public static byte[] Encode(IReadOnlyDictionary<string, string> databases)
    {
        ArgumentNullException.ThrowIfNull(databases);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(databases.Count);
            foreach (var (path, text) in databases.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.Write(path);
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    public static IReadOnlyDictionary<string, string> Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var gzip = new GZipStream(new MemoryStream(encoded), CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        var count = reader.Read7BitEncodedInt();
        var databases = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = reader.ReadString();
            databases[path] = reader.ReadString();
        }
        return databases;
    }
}
