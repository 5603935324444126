namespace ImageLab.Data.Analysis;

/// <summary>
/// The stored form of a layer's ELF debug-section bytes (<c>analyzed_layers.elf_debug_bytes</c>): each path and its
/// bytes as a varint, gzip'd (<see cref="PathMapCodec"/>); only files with debug sections are listed.
/// </summary>
internal static class DebugSectionBytesCodec
{
    public static byte[] Encode(IReadOnlyDictionary<string, long> debugBytes) =>
        PathMapCodec.Encode(debugBytes, (writer, bytes) => writer.Write7BitEncodedInt64(bytes));

    public static IReadOnlyDictionary<string, long> Decode(byte[] encoded) =>
        PathMapCodec.Decode(encoded, reader => reader.Read7BitEncodedInt64());
}
