using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImageLab.Data.EntityConfigurations;

internal sealed class LayerAnalysisAliasConfiguration : IEntityTypeConfiguration<LayerAnalysisAlias>
{
    public void Configure(EntityTypeBuilder<LayerAnalysisAlias> builder)
    {
        builder.HasKey(a => a.Alias);
        builder.Property(a => a.Alias).HasMaxLength(200);
        builder.Property(a => a.DiffId).HasMaxLength(100);
        builder.HasIndex(a => a.DiffId);
    }
}
