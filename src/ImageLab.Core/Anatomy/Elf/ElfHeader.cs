namespace ImageLab.Core.Anatomy.Elf;

/// <summary>
/// What an ELF file header says about its section header table: where it is, how many entries and which section holds
/// the section names. 32- and 64-bit, either byte order.
/// </summary>
internal readonly record struct ElfHeader(bool Is64Bit, bool IsLittleEndian, long SectionTableOffset, int SectionCount, int NamesSectionIndex)
{
    /// <summary>Bytes of the ELF64 header; the ELF32 header (52 bytes) fits in them too.</summary>
    public const int CaptureBytes = 64;

    private const byte Class32 = 1;
    private const byte Class64 = 2;
    private const byte LittleEndian = 1;
    private const byte BigEndian = 2;

    // SHN_XINDEX: the real index of the names section is elsewhere (files of 65,280+ sections); not read.
    private const int ExtendedIndex = 0xFFFF;

    /// <summary>Bytes of one section header entry.</summary>
    public int EntryBytes => Is64Bit ? 64 : 40;

    public long SectionTableBytes => (long)SectionCount * EntryBytes;

    public static bool StartsWithMagic(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && bytes[0] == 0x7F && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F';

    /// <summary>
    /// Reads the header from a file's first <see cref="CaptureBytes"/> bytes; false when it is not ELF or its section
    /// table cannot be used (none, an entry size other than the standard one, a names index out of range).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out ElfHeader header)
    {
        header = default;
        if (bytes.Length < CaptureBytes || !StartsWithMagic(bytes) || bytes[4] is not (Class32 or Class64) || bytes[5] is not (LittleEndian or BigEndian))
        {
            return false;
        }

        var is64 = bytes[4] == Class64;
        var little = bytes[5] == LittleEndian;
        var reader = new ElfReader(little);
        var (offset, entrySize, count, namesIndex) = is64
            ? ((long)Math.Min(reader.U64(bytes[0x28..]), long.MaxValue), reader.U16(bytes[0x3A..]), reader.U16(bytes[0x3C..]), reader.U16(bytes[0x3E..]))
            : (reader.U32(bytes[0x20..]), reader.U16(bytes[0x2E..]), reader.U16(bytes[0x30..]), reader.U16(bytes[0x32..]));
        header = new ElfHeader(is64, little, offset, count, namesIndex);
        return count > 0 && entrySize == header.EntryBytes && namesIndex != ExtendedIndex && namesIndex is > 0 && namesIndex < count;
    }
}
