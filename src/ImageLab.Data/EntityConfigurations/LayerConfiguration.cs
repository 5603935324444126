using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImageLab.Data.EntityConfigurations;

internal sealed class LayerConfiguration : IEntityTypeConfiguration<Layer>
{
    public void Configure(EntityTypeBuilder<Layer> builder)
    {
        builder.HasKey(l => new { l.IterationId, l.Index });
        builder.Property(l => l.HistoryId).HasMaxLength(100);
        builder.Property(l => l.Instruction).HasMaxLength(20);
    }
}
