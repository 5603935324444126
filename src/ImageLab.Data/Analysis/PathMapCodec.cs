using System.IO.Compression;
using System.Text;

namespace ImageLab.Data.Analysis;

/// <summary>
/// The stored form of a layer's values by absolute path: gzip over a count, then each path (length-prefixed UTF-8)
/// and its value, in path order so that the same layer always stores the same bytes.
/// </summary>
internal static class PathMapCodec
{
    public static byte[] Encode<T>(IReadOnlyDictionary<string, T> values, Action<BinaryWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(values.Count);
            foreach (var (path, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.Write(path);
                write(writer, value);
            }
        }
        return buffer.ToArray();
    }

    public static Dictionary<string, T> Decode<T>(byte[] encoded, Func<BinaryReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var gzip = new GZipStream(new MemoryStream(encoded), CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        var count = reader.Read7BitEncodedInt();
        var values = new Dictionary<string, T>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = reader.ReadString();
            values[path] = read(reader);
        }
        return values;
    }
}
