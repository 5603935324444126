using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ImageLab.Docker.Tests;

/// <summary>
/// A pure-Python wheel made in memory (no PyPI here): one module and one data file, with the METADATA, WHEEL and
/// RECORD (sha256 and size of every file) that pip needs to install it with <c>--no-index</c>.
/// </summary>
internal static class TinyWheel
{
    public const string Name = "tinypkg";

    public const string Version = "1.0";

    public const string FileName = $"{Name}-{Version}-py3-none-any.whl";

    public static byte[] Build()
    {
        var distInfo = $"{Name}-{Version}.dist-info";
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [$"{Name}/__init__.py"] = Encoding.UTF8.GetBytes("GREETING = 'hello from a local wheel'\n"),
            [$"{Name}/data.txt"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("tiny wheel data line\n", 700))),
            [$"{distInfo}/METADATA"] = Encoding.UTF8.GetBytes($"Metadata-Version: 2.1\nName: {Name}\nVersion: {Version}\n"),
            [$"{distInfo}/WHEEL"] = Encoding.UTF8.GetBytes("Wheel-Version: 1.0\nGenerator: imagelab-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        };
        var record = new StringBuilder();
        foreach (var (path, content) in files)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append(CultureInfo.InvariantCulture, $"{path},sha256={hash},{content.Length}\n");
        }
        record.Append(CultureInfo.InvariantCulture, $"{distInfo}/RECORD,,\n");
        files[$"{distInfo}/RECORD"] = Encoding.UTF8.GetBytes(record.ToString());

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(content);
            }
        }
        return output.ToArray();
    }
}
