using System.Buffers.Binary;
using System.Text;

namespace ImageLab.Testing.Elf;

/// <summary>
/// Builds a small ELF file in memory as linkers lay one out: the header, each section's bytes, the section names
/// (<c>.shstrtab</c>) and the section header table at the end; or, with <see cref="NamesAfterTable"/>, the names after
/// the table. 32- or 64-bit, either byte order. The tests' lies (offsets, counts) are made on the built bytes.
/// </summary>
public sealed class ElfFileBuilder(bool is64Bit = true, bool littleEndian = true)
{
    private const uint ProgBits = 1;
    private const uint StringTable = 3;
    private const uint NoBits = 8;

    private readonly List<(string Name, int Size, uint Type)> _sections = [];
    private bool _namesAfterTable;

    public bool Is64Bit => is64Bit;

    /// <summary>Bytes of one section header entry.</summary>
    public int EntryBytes => is64Bit ? 64 : 40;

    /// <summary>A section of <paramref name="size"/> bytes (pseudo-random, like code or DWARF).</summary>
    public ElfFileBuilder Section(string name, int size)
    {
        _sections.Add((name, size, ProgBits));
        return this;
    }

    /// <summary>A section that takes no bytes in the file (as <c>.bss</c>, or the sections of a separate debug file).</summary>
    public ElfFileBuilder NoBitsSection(string name, int size)
    {
        _sections.Add((name, size, NoBits));
        return this;
    }

    public ElfFileBuilder NamesAfterTable()
    {
        _namesAfterTable = true;
        return this;
    }

    /// <summary>The bytes of the sections whose names start with <c>.debug</c> or <c>.zdebug</c> and that take bytes in the file.</summary>
    public long DebugBytes => _sections
        .Where(s => s.Type != NoBits && (s.Name.StartsWith(".debug", StringComparison.Ordinal) || s.Name.StartsWith(".zdebug", StringComparison.Ordinal)))
        .Sum(s => (long)s.Size);

    public byte[] Build()
    {
        var all = new List<(string Name, int Size, uint Type)> { ("", 0, 0) };
        all.AddRange(_sections);
        var namesIndex = all.Count;
        var names = new MemoryStream();
        names.WriteByte(0);
        var nameOffsets = new List<int>();
        foreach (var name in all.Select(s => s.Name).Append(".shstrtab"))
        {
            nameOffsets.Add(name.Length == 0 ? 0 : (int)names.Length);
            if (name.Length > 0)
            {
                names.Write(Encoding.ASCII.GetBytes(name + "\0"));
            }
        }
        all.Add((".shstrtab", (int)names.Length, StringTable));

        var file = new MemoryStream();
        file.Write(new byte[64]);
        var offsets = new long[all.Count];
        var random = new Random(all.Count);
        for (var i = 1; i < namesIndex; i++)
        {
            offsets[i] = file.Position;
            if (all[i].Type != NoBits)
            {
                var bytes = new byte[all[i].Size];
                random.NextBytes(bytes);
                file.Write(bytes);
            }
        }

        if (!_namesAfterTable)
        {
            offsets[namesIndex] = file.Position;
            file.Write(names.ToArray());
        }
        while (file.Position % 8 != 0)
        {
            file.WriteByte(0);
        }
        var tableOffset = file.Position;
        file.Write(new byte[all.Count * EntryBytes]);
        if (_namesAfterTable)
        {
            offsets[namesIndex] = file.Position;
            file.Write(names.ToArray());
        }

        var bytesOut = file.ToArray();
        WriteHeader(bytesOut, tableOffset, all.Count, namesIndex);
        for (var i = 0; i < all.Count; i++)
        {
            WriteEntry(bytesOut.AsSpan((int)tableOffset + i * EntryBytes, EntryBytes), nameOffsets[i], all[i].Type, offsets[i], all[i].Size);
        }
        return bytesOut;
    }

    /// <summary>Writes an unsigned value of <paramref name="width"/> bytes at <paramref name="offset"/> in the file's byte order (for tests that lie).</summary>
    public void Patch(byte[] file, int offset, int width, ulong value)
    {
        ArgumentNullException.ThrowIfNull(file);
        var target = file.AsSpan(offset, width);
        switch (width)
        {
            case 2 when littleEndian: BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)value); break;
            case 2: BinaryPrimitives.WriteUInt16BigEndian(target, (ushort)value); break;
            case 4 when littleEndian: BinaryPrimitives.WriteUInt32LittleEndian(target, (uint)value); break;
            case 4: BinaryPrimitives.WriteUInt32BigEndian(target, (uint)value); break;
            case 8 when littleEndian: BinaryPrimitives.WriteUInt64LittleEndian(target, value); break;
            case 8: BinaryPrimitives.WriteUInt64BigEndian(target, value); break;
            default: throw new ArgumentOutOfRangeException(nameof(width));
        }
    }

    /// <summary>Where the header keeps the section table's offset, its entry count and the names' index, and each entry its offset and size.</summary>
    public (int TableOffset, int Count, int NamesIndex, int SectionOffset, int SectionSize) Fields => is64Bit
        ? (0x28, 0x3C, 0x3E, 24, 32)
        : (0x20, 0x30, 0x32, 16, 20);

    private void WriteHeader(byte[] file, long tableOffset, int count, int namesIndex)
    {
        "\u007fELF"u8.CopyTo(file);
        file[4] = (byte)(is64Bit ? 2 : 1);
        file[5] = (byte)(littleEndian ? 1 : 2);
        file[6] = 1;
        Patch(file, 16, 2, 2); // ET_EXEC
        Patch(file, 18, 2, 62); // EM_X86_64
        Patch(file, 20, 4, 1);
        var fields = Fields;
        Patch(file, fields.TableOffset, is64Bit ? 8 : 4, (ulong)tableOffset);
        Patch(file, is64Bit ? 0x34 : 0x28, 2, is64Bit ? 64u : 52u); // e_ehsize
        Patch(file, fields.Count - 2, 2, (ulong)EntryBytes);
        Patch(file, fields.Count, 2, (ulong)count);
        Patch(file, fields.NamesIndex, 2, (ulong)namesIndex);
    }

    private void WriteEntry(Span<byte> entry, int nameOffset, uint type, long offset, int size)
    {
        var bytes = entry.ToArray();
        Patch(bytes, 0, 4, (ulong)nameOffset);
        Patch(bytes, 4, 4, type);
        Patch(bytes, Fields.SectionOffset, is64Bit ? 8 : 4, (ulong)offset);
        Patch(bytes, Fields.SectionSize, is64Bit ? 8 : 4, (ulong)size);
        bytes.CopyTo(entry);
    }
}
