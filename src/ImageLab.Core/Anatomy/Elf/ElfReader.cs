using System.Buffers.Binary;

namespace ImageLab.Core.Anatomy.Elf;

/// <summary>Unsigned integers of an ELF file in its own byte order.</summary>
internal readonly record struct ElfReader(bool IsLittleEndian)
{
    public int U16(ReadOnlySpan<byte> bytes) =>
        IsLittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    public uint U32(ReadOnlySpan<byte> bytes) =>
        IsLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    public ulong U64(ReadOnlySpan<byte> bytes) =>
        IsLittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes);
}
