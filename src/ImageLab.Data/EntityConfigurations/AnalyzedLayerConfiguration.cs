using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImageLab.Data.EntityConfigurations;

internal sealed class AnalyzedLayerConfiguration : IEntityTypeConfiguration<AnalyzedLayer>
{
    public void Configure(EntityTypeBuilder<AnalyzedLayer> builder)
    {
        builder.HasKey(l => l.DiffId);
        builder.Property(l => l.DiffId).HasMaxLength(100);
        builder.Property(l => l.LargestFilesJson).HasColumnType("jsonb");
        builder.Property(l => l.WarningsJson).HasColumnType("jsonb");

        // The entries blob is gzip'd by LayerEntryCodec before it is written.
        builder.Property(l => l.Entries).HasColumnType("bytea");
        builder.Property(l => l.PackageDatabases).HasColumnType("bytea");
        builder.Property(l => l.ElfDebugBytes).HasColumnType("bytea");
        builder.HasMany<LayerAnalysisAlias>().WithOne().HasForeignKey(a => a.DiffId).OnDelete(DeleteBehavior.Cascade);
    }
}
