using System.Formats.Tar;
using System.Text;

namespace ImageLab.Core.Tests.Layers;

/// <summary>Builds a layer tar in memory the way the tests need it, entry by entry.</summary>
internal sealed class LayerTarBuilder
{
    private readonly MemoryStream _buffer = new();
    private readonly TarWriter _writer;

    public LayerTarBuilder(TarEntryFormat format = TarEntryFormat.Pax)
    {
        Format = format;
        _writer = new TarWriter(_buffer, format, leaveOpen: true);
    }

    public TarEntryFormat Format { get; }

    public int FileCount { get; private set; }

    public long FileBytes { get; private set; }

    public LayerTarBuilder Directory(string name)
    {
        _writer.WriteEntry(NewEntry(TarEntryType.Directory, name.EndsWith('/') ? name : name + "/"));
        return this;
    }

    public LayerTarBuilder File(string name, long size, byte fill = (byte)'x', DateTimeOffset? modified = null)
    {
        var entry = NewEntry(TarEntryType.RegularFile, name);
        entry.ModificationTime = modified ?? Epoch;
        var content = new byte[size];
        Array.Fill(content, fill);
        entry.DataStream = new MemoryStream(content);
        _writer.WriteEntry(entry);
        FileCount++;
        FileBytes += size;
        return this;
    }

    /// <summary>A file holding <paramref name="text"/> in UTF-8 (package databases, configuration).</summary>
    public LayerTarBuilder Text(string name, string text) => Content(name, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>A file holding <paramref name="content"/> (e.g. a constructed ELF program).</summary>
    public LayerTarBuilder Content(string name, byte[] content)
    {
        var entry = NewEntry(TarEntryType.RegularFile, name);
        entry.DataStream = new MemoryStream(content);
        _writer.WriteEntry(entry);
        FileCount++;
        FileBytes += content.Length;
        return this;
    }

    /// <summary>A file with pseudo-random content (compresses like real binaries, roughly).</summary>
    public LayerTarBuilder RandomFile(string name, int size, int seed)
    {
        var entry = NewEntry(TarEntryType.RegularFile, name);
        var content = new byte[size];
        new Random(seed).NextBytes(content);
        entry.DataStream = new MemoryStream(content);
        _writer.WriteEntry(entry);
        FileCount++;
        FileBytes += size;
        return this;
    }

    /// <summary>A file of pseudo-random words from a small vocabulary (compresses like text and source, roughly 3:1).</summary>
    public LayerTarBuilder TextFile(string name, int size, int seed)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, 2000).Select(_ => new string(Enumerable.Range(0, random.Next(2, 10)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray())).ToArray();
        var text = new System.Text.StringBuilder(size + 16);
        while (text.Length < size)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(12) == 0 ? '\n' : ' ');
        }

        var entry = NewEntry(TarEntryType.RegularFile, name);
        entry.DataStream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text.ToString(0, size)));
        _writer.WriteEntry(entry);
        FileCount++;
        FileBytes += size;
        return this;
    }

    public LayerTarBuilder Symlink(string name, string target)
    {
        var entry = NewEntry(TarEntryType.SymbolicLink, name);
        entry.LinkName = target;
        _writer.WriteEntry(entry);
        return this;
    }

    public LayerTarBuilder HardLink(string name, string target)
    {
        var entry = NewEntry(TarEntryType.HardLink, name);
        entry.LinkName = target;
        _writer.WriteEntry(entry);
        return this;
    }

    public LayerTarBuilder Whiteout(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..];
        _writer.WriteEntry(NewEntry(TarEntryType.RegularFile, name));
        return this;
    }

    public LayerTarBuilder Opaque(string directory)
    {
        _writer.WriteEntry(NewEntry(TarEntryType.RegularFile, directory.TrimEnd('/') + "/.wh..wh..opq"));
        return this;
    }

    /// <summary>A PAX entry as GNU tar writes sparse files (format 1.0 keeps the real name and size in attributes).</summary>
    public LayerTarBuilder PaxSparseFile(string realName, long realSize, int storedSize)
    {
        var attributes = new Dictionary<string, string>
        {
            ["GNU.sparse.major"] = "1",
            ["GNU.sparse.minor"] = "0",
            ["GNU.sparse.name"] = realName,
            ["GNU.sparse.realsize"] = realSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var entry = new PaxTarEntry(TarEntryType.RegularFile, "GNUSparseFile.0/" + realName, attributes)
        {
            DataStream = new MemoryStream(new byte[storedSize]),
        };
        _writer.WriteEntry(entry);
        FileCount++;
        FileBytes += realSize;
        return this;
    }

    /// <summary>A hand-made ustar header whose name bytes are not valid UTF-8 (Latin-1 names from old archives).</summary>
    public LayerTarBuilder RawNameFile(byte[] nameBytes, int size)
    {
        // TarWriter writes each entry as it is added, so raw blocks can go in between its entries.
        var header = UstarHeader(nameBytes, size, (byte)'0');
        var content = new byte[(size + 511) / 512 * 512];
        _buffer.Write(header);
        _buffer.Write(content);
        FileCount++;
        FileBytes += size;
        return this;
    }

    public byte[] Build()
    {
        _writer.Dispose();
        return _buffer.ToArray();
    }

    private TarEntry NewEntry(TarEntryType type, string name) => Format switch
    {
        TarEntryFormat.Gnu => new GnuTarEntry(type, name) { ModificationTime = Epoch },
        TarEntryFormat.Ustar => new UstarTarEntry(type, name) { ModificationTime = Epoch },
        _ => new PaxTarEntry(type, name) { ModificationTime = Epoch },
    };

    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static byte[] UstarHeader(byte[] name, long size, byte type)
    {
        var header = new byte[512];
        name.CopyTo(header, 0);
        Octal("0000644", header, 100);
        Octal("0000000", header, 108);
        Octal("0000000", header, 116);
        Octal(Convert.ToString(size, 8).PadLeft(11, '0'), header, 124);
        Octal("14545743200", header, 136);
        header[156] = type;
        Encoding.ASCII.GetBytes("ustar\0").CopyTo(header, 257);
        Encoding.ASCII.GetBytes("00").CopyTo(header, 263);
        for (var i = 148; i < 156; i++)
        {
            header[i] = (byte)' ';
        }

        var checksum = header.Sum(b => b);
        Octal(Convert.ToString(checksum, 8).PadLeft(6, '0'), header, 148);
        header[154] = 0;
        header[155] = (byte)' ';
        return header;
    }

    private static void Octal(string digits, byte[] header, int offset) => Encoding.ASCII.GetBytes(digits).CopyTo(header, offset);
}
