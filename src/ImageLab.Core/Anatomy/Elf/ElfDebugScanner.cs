namespace ImageLab.Core.Anatomy.Elf;

/// <summary>
/// Finds the bytes of an ELF file's debug sections while its content streams past once, never holding the whole file:
/// the header from the first bytes, then the section header table and a bounded window before it (where linkers put
/// the section names), or the names when they come after the table. A file whose layout does not fit these bounds
/// counts as no debug bytes. One instance is reused for every file of a layer; not thread-safe.
/// </summary>
internal sealed class ElfDebugScanner
{
    /// <summary>The largest section header table read: 1,024 ELF64 sections, 1,638 ELF32 ones.</summary>
    public const int MaxTableBytes = 64 * 1024;

    /// <summary>How far before the table the section names may start, and the most names bytes read.</summary>
    public const int MaxNamesBytes = 64 * 1024;

    private readonly byte[] _header = new byte[ElfHeader.CaptureBytes];
    private byte[] _window = [];
    private byte[] _names = [];
    private Phase _phase;
    private long _length;
    private long _position;
    private ElfHeader _elf;
    private long _windowStart;
    private long _windowEnd;
    private long _namesStart;
    private long _namesEnd;
    private long _result;

    private enum Phase
    {
        Header,
        Table,
        NamesAfterTable,
        Done,
    }

    /// <summary>The debug sections' bytes of the file streamed since <see cref="Start"/>; 0 until all of it was seen.</summary>
    public long DebugBytes => _phase == Phase.Done && _position == _length ? _result : 0;

    /// <summary>Starts a file of <paramref name="length"/> bytes.</summary>
    public void Start(long length)
    {
        _length = length;
        _position = 0;
        _result = 0;
        _phase = length >= ElfHeader.CaptureBytes ? Phase.Header : Phase.Done;
    }

    /// <summary>The file's next bytes, in order.</summary>
    public void Observe(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && _phase != Phase.Done)
        {
            var used = _phase switch
            {
                Phase.Header => ObserveHeader(bytes),
                Phase.Table => Capture(bytes, _window, _windowStart, _windowEnd),
                _ => Capture(bytes, _names, _namesStart, _namesEnd),
            };
            _position += used;
            bytes = bytes[used..];
            if (_phase == Phase.Table && _position == _windowEnd)
            {
                ReadTable();
            }
            else if (_phase == Phase.NamesAfterTable && _position == _namesEnd)
            {
                ReadNames();
            }
        }
        _position += bytes.Length;
    }

    private int ObserveHeader(ReadOnlySpan<byte> bytes)
    {
        var used = (int)Math.Min(bytes.Length, ElfHeader.CaptureBytes - _position);
        bytes[..used].CopyTo(_header.AsSpan((int)_position));
        if (_position + used == ElfHeader.CaptureBytes)
        {
            StartTable();
        }
        return used;
    }

    private void StartTable()
    {
        if (!ElfHeader.TryRead(_header, out _elf)
            || _elf.SectionTableBytes > MaxTableBytes
            || _elf.SectionTableOffset < ElfHeader.CaptureBytes
            || _elf.SectionTableOffset > _length - _elf.SectionTableBytes)
        {
            _phase = Phase.Done;
            return;
        }
        _windowStart = Math.Max(ElfHeader.CaptureBytes, _elf.SectionTableOffset - MaxNamesBytes);
        _windowEnd = _elf.SectionTableOffset + _elf.SectionTableBytes;
        _window = Sized(_window, _windowEnd - _windowStart);
        _phase = Phase.Table;
    }

    /// <summary>Copies what falls in [start, end) of the file into <paramref name="target"/>; returns the bytes consumed, up to end.</summary>
    private int Capture(ReadOnlySpan<byte> bytes, byte[] target, long start, long end)
    {
        var used = (int)Math.Min(bytes.Length, end - _position);
        var skip = (int)Math.Clamp(start - _position, 0, used);
        if (skip < used)
        {
            bytes[skip..used].CopyTo(target.AsSpan((int)(_position + skip - start)));
        }
        return used;
    }

    private void ReadTable()
    {
        var table = _window.AsSpan((int)(_elf.SectionTableOffset - _windowStart), (int)_elf.SectionTableBytes);
        var (offset, size) = ElfSectionTable.NamesSection(_elf, table);
        if (size > MaxNamesBytes || offset > _length - size)
        {
            _phase = Phase.Done;
        }
        else if (offset >= _windowStart && offset + size <= _windowEnd)
        {
            var names = _window.AsSpan((int)(offset - _windowStart), (int)size);
            Finish(ElfSectionTable.DebugBytes(_elf, table, names, _length));
        }
        else if (offset >= _windowEnd)
        {
            (_namesStart, _namesEnd) = (offset, offset + size);
            _names = Sized(_names, size);
            _phase = size == 0 ? Phase.Done : Phase.NamesAfterTable;
        }
        else
        {
            _phase = Phase.Done;
        }
    }

    private void ReadNames()
    {
        var table = _window.AsSpan((int)(_elf.SectionTableOffset - _windowStart), (int)_elf.SectionTableBytes);
        Finish(ElfSectionTable.DebugBytes(_elf, table, _names.AsSpan(0, (int)(_namesEnd - _namesStart)), _length));
    }

    private void Finish(long debugBytes)
    {
        _result = debugBytes;
        _phase = Phase.Done;
    }

    private static byte[] Sized(byte[] buffer, long bytes) => buffer.Length >= bytes ? buffer : new byte[bytes];
}
