namespace ImageLab.Core.Layers.Internal;

/// <summary>Tells a blob's kind from its first bytes (up to one 512-byte tar block).</summary>
internal static class BlobSniffer
{
    public const int PeekLength = 512;

    public static BlobKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return BlobKind.Gzip;
        }

        if (head.Length >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd)
        {
            return BlobKind.Zstd;
        }

        if (head.Length >= PeekLength)
        {
            // "ustar" covers POSIX, PAX and GNU headers; an all-zero first block is an empty tar (an empty layer).
            if (head.Slice(257, 5).SequenceEqual("ustar"u8) || !head[..PeekLength].ContainsAnyExcept((byte)0))
            {
                return BlobKind.Tar;
            }
        }

        var trimmed = head.TrimStart(" \t\r\n"u8);
        if (!trimmed.IsEmpty && (trimmed[0] == (byte)'{' || trimmed[0] == (byte)'['))
        {
            return BlobKind.Json;
        }

        return BlobKind.Unknown;
    }
}
