using ImageLab.Core.Anatomy.Elf;
using ImageLab.Testing.Elf;

namespace ImageLab.Core.Tests.Anatomy.Elf;

public sealed class ElfDebugScannerTests
{
    private static ElfFileBuilder Unstripped(bool is64Bit = true, bool littleEndian = true) =>
        new ElfFileBuilder(is64Bit, littleEndian)
            .Section(".interp", 28)
            .Section(".text", 4_000)
            .Section(".data", 300)
            .NoBitsSection(".bss", 2_000)
            .Section(".debug_info", 5_000)
            .Section(".debug_abbrev", 700)
            .Section(".zdebug_line", 1_300)
            .Section(".symtab", 900)
            .Section(".strtab", 600);

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Scan_UnstrippedElf_CountsTheDebugAndZdebugSections(bool is64Bit, bool littleEndian)
    {
        // Arrange
        var builder = Unstripped(is64Bit, littleEndian);
        var file = builder.Build();

        // Act
        var debugBytes = Scan(file, chunk: 4096);

        // Assert
        Assert.Equal(7_000, builder.DebugBytes);
        Assert.Equal(builder.DebugBytes, debugBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(777)]
    [InlineData(int.MaxValue)]
    public void Scan_AnyChunking_CountsTheSameBytes(int chunk)
    {
        // Arrange
        var builder = Unstripped();
        var file = builder.Build();

        // Act
        var debugBytes = Scan(file, chunk);

        // Assert
        Assert.Equal(builder.DebugBytes, debugBytes);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(256 * 1024)]
    public void Scan_ProgramLargerThanTheWindow_SkipsWhatComesBeforeItAndCountsTheSections(int chunk)
    {
        // Arrange: most of the file comes before the window kept ahead of the section table.
        var builder = new ElfFileBuilder().Section(".text", 300_000).Section(".debug_info", 1_200_000).Section(".debug_str", 234_567).Section(".symtab", 20_000);
        var file = builder.Build();

        // Act
        var debugBytes = Scan(file, chunk);

        // Assert
        Assert.Equal(1_434_567, debugBytes);
    }

    [Fact]
    public void Scan_NamesAfterTheTable_CountsTheDebugSections()
    {
        // Arrange
        var builder = Unstripped(is64Bit: false).NamesAfterTable();

        // Act
        var debugBytes = Scan(builder.Build(), chunk: 100);

        // Assert
        Assert.Equal(7_000, debugBytes);
    }

    [Fact]
    public void Scan_StrippedElf_CountsNothing()
    {
        // Arrange
        var file = new ElfFileBuilder().Section(".text", 4_000).Section(".data", 300).NoBitsSection(".bss", 2_000).Build();

        // Act
        var debugBytes = Scan(file, chunk: 4096);

        // Assert
        Assert.Equal(0, debugBytes);
    }

    [Fact]
    public void Scan_DebugSectionsWithoutBytesInTheFile_CountsNothing()
    {
        // Arrange: a separate debug file's non-debug sections and a NOBITS .debug section take no bytes.
        var file = new ElfFileBuilder().Section(".text", 100).NoBitsSection(".debug_info", 9_000).Build();

        // Act
        var debugBytes = Scan(file, chunk: 4096);

        // Assert
        Assert.Equal(0, debugBytes);
    }

    [Fact]
    public void Scan_NotElf_CountsNothing()
    {
        // Arrange
        var file = Unstripped().Build();
        file[1] = (byte)'X';

        // Act
        var debugBytes = Scan(file, chunk: 4096);

        // Assert
        Assert.Equal(0, debugBytes);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Scan_TruncatedFile_CountsNothing(double kept)
    {
        // Arrange
        var file = Unstripped().Build();
        var truncated = file[..(int)(file.Length * kept)];

        // Act
        var asItIs = Scan(truncated, chunk: 4096);
        var shorterThanSaid = Scan(truncated, chunk: 4096, declaredLength: file.Length);

        // Assert
        Assert.Equal((0L, 0L), (asItIs, shorterThanSaid));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scan_DebugSectionOutsideTheFile_CountsNothing(bool hugeSize)
    {
        // Arrange: .debug_info (section 5) starts at the file's end, or is larger than any file.
        var builder = Unstripped();
        var file = builder.Build();
        var entry = SectionEntry(builder, file, 5);
        var (field, value) = hugeSize ? (builder.Fields.SectionSize, ulong.MaxValue - 10) : (builder.Fields.SectionOffset, (ulong)file.Length);
        builder.Patch(file, entry + field, 8, value);

        // Act
        var debugBytes = Scan(file, chunk: 4096);

        // Assert
        Assert.Equal(0, debugBytes);
    }

    [Fact]
    public void Scan_DebugSectionsThatOverlap_CountsNothing()
    {
        // Arrange: .debug_abbrev (6) claims the bytes of .debug_info (5).
        var builder = Unstripped();
        var file = builder.Build();
        var info = SectionEntry(builder, file, 5);
        var offsetOfInfo = BitConverter.ToUInt64(file, info + builder.Fields.SectionOffset);
        builder.Patch(file, SectionEntry(builder, file, 6) + builder.Fields.SectionOffset, 8, offsetOfInfo + 10);

        // Act
        var debugBytes = Scan(file, chunk: 4096);

        // Assert
        Assert.Equal(0, debugBytes);
    }

    [Theory]
    [InlineData(0xFFFF)]
    [InlineData(2_000)]
    public void Scan_HugeSectionCount_CountsNothingWithoutReadingIt(int count)
    {
        // Arrange
        var builder = Unstripped();
        var file = builder.Build();
        builder.Patch(file, builder.Fields.Count, 2, (ulong)count);

        // Act
        var debugBytes = Scan(file, chunk: 4096);

        // Assert
        Assert.Equal(0, debugBytes);
    }

    [Theory]
    [InlineData(0x28, 8, 0xFFFF_FFFF_FFFF_FF00)]
    [InlineData(0x28, 8, 10)]
    [InlineData(0x3E, 2, 0)]
    [InlineData(0x3E, 2, 0xFFFF)]
    public void Scan_HeaderThatLies_CountsNothing(int field, int width, ulong value)
    {
        // Arrange: the table's offset far away or inside the header, the names' index null or extended.
        var builder = Unstripped();
        var file = builder.Build();
        builder.Patch(file, field, width, value);

        // Act
        var debugBytes = Scan(file, chunk: 4096);

        // Assert
        Assert.Equal(0, debugBytes);
    }

    [Fact]
    public void Scan_NameOutsideTheNames_CountsNothing()
    {
        // Arrange
        var builder = Unstripped();
        var file = builder.Build();
        builder.Patch(file, SectionEntry(builder, file, 2), 4, 1_000_000);

        // Act
        var debugBytes = Scan(file, chunk: 4096);

        // Assert
        Assert.Equal(0, debugBytes);
    }

    [Fact]
    public void Scan_ScannerReusedForAStrippedFile_ForgetsTheFileBefore()
    {
        // Arrange
        var scanner = new ElfDebugScanner();
        Feed(scanner, Unstripped().Build(), 4096, null);
        var stripped = new ElfFileBuilder().Section(".text", 10).Build();

        // Act
        Feed(scanner, stripped, 4096, null);

        // Assert
        Assert.Equal(0, scanner.DebugBytes);
    }

    [Fact]
    public void Scan_RandomlyCorruptedFiles_NeverThrowsAndNeverCountsMoreThanTheFile()
    {
        // Arrange
        var random = new Random(15);
        var original = Unstripped().Build();

        for (var round = 0; round < 2_000; round++)
        {
            var file = (byte[])original.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                file[random.Next(file.Length)] = (byte)random.Next(256);
            }

            // Act
            var debugBytes = Scan(file, chunk: random.Next(1, 5_000));

            // Assert
            Assert.InRange(debugBytes, 0, file.Length);
        }
    }

    private static int SectionEntry(ElfFileBuilder builder, byte[] file, int index) =>
        (int)BitConverter.ToUInt64(file, builder.Fields.TableOffset) + index * builder.EntryBytes;

    private static long Scan(byte[] file, int chunk, long? declaredLength = null)
    {
        var scanner = new ElfDebugScanner();
        Feed(scanner, file, chunk, declaredLength);
        return scanner.DebugBytes;
    }

    private static void Feed(ElfDebugScanner scanner, byte[] file, int chunk, long? declaredLength)
    {
        scanner.Start(declaredLength ?? file.Length);
        for (var offset = 0; offset < file.Length; offset += chunk)
        {
            scanner.Observe(file.AsSpan(offset, Math.Min(chunk, file.Length - offset)));
        }
    }
}
