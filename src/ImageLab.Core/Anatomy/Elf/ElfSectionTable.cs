namespace ImageLab.Core.Anatomy.Elf;

/// <summary>
/// Reads a section header table and its section names: the bytes of the debug sections (<c>.debug*</c>, and the
/// compressed <c>.zdebug*</c> of older toolchains) that the file holds. A table that lies (a name outside the names, a
/// debug section outside the file or overlapping another, the header or the table) counts as none: never a guess.
/// </summary>
internal static class ElfSectionTable
{
    // SHT_NOBITS: the section takes no bytes in the file.
    private const uint NoBitsType = 8;

    private static ReadOnlySpan<byte> DebugPrefix => ".debug"u8;

    private static ReadOnlySpan<byte> CompressedDebugPrefix => ".zdebug"u8;

    /// <summary>Where the section names are, from the table entry of <see cref="ElfHeader.NamesSectionIndex"/>.</summary>
    public static (long Offset, long Size) NamesSection(ElfHeader header, ReadOnlySpan<byte> table)
    {
        var names = Read(header, table, header.NamesSectionIndex);
        return (ToLong(names.Offset), ToLong(names.Size));
    }

    public static long DebugBytes(ElfHeader header, ReadOnlySpan<byte> table, ReadOnlySpan<byte> names, long fileLength)
    {
        var headerBytes = header.Is64Bit ? 64 : 52;
        var ranges = new List<(long Start, long End)>();
        for (var index = 0; index < header.SectionCount; index++)
        {
            var section = Read(header, table, index);
            if (!TryName(names, section.NameOffset, out var name))
            {
                return 0;
            }
            if (!IsDebug(name) || section.Type == NoBitsType)
            {
                continue;
            }
            if (section.Size > (ulong)fileLength || section.Offset > (ulong)fileLength - section.Size)
            {
                return 0;
            }
            ranges.Add(((long)section.Offset, (long)(section.Offset + section.Size)));
        }

        var debugBytes = ranges.Sum(range => range.End - range.Start);
        ranges.Add((0, headerBytes));
        ranges.Add((header.SectionTableOffset, header.SectionTableOffset + header.SectionTableBytes));
        return Overlap(ranges) ? 0 : debugBytes;
    }

    private static bool Overlap(List<(long Start, long End)> ranges)
    {
        ranges.Sort();
        long end = 0;
        foreach (var range in ranges)
        {
            if (range.Start < end && range.Start < range.End)
            {
                return true;
            }
            end = Math.Max(end, range.End);
        }
        return false;
    }

    private static bool IsDebug(ReadOnlySpan<byte> name) => name.StartsWith(DebugPrefix) || name.StartsWith(CompressedDebugPrefix);

    private static bool TryName(ReadOnlySpan<byte> names, uint offset, out ReadOnlySpan<byte> name)
    {
        name = default;
        if (offset >= (uint)names.Length)
        {
            return false;
        }
        var rest = names[(int)offset..];
        var end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            return false;
        }
        name = rest[..end];
        return true;
    }

    private static ElfSection Read(ElfHeader header, ReadOnlySpan<byte> table, int index)
    {
        var entry = table.Slice(index * header.EntryBytes, header.EntryBytes);
        var reader = new ElfReader(header.IsLittleEndian);
        return header.Is64Bit
            ? new ElfSection(reader.U32(entry), reader.U32(entry[4..]), reader.U64(entry[24..]), reader.U64(entry[32..]))
            : new ElfSection(reader.U32(entry), reader.U32(entry[4..]), reader.U32(entry[16..]), reader.U32(entry[20..]));
    }

    private static long ToLong(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    private readonly record struct ElfSection(uint NameOffset, uint Type, ulong Offset, ulong Size);
}
