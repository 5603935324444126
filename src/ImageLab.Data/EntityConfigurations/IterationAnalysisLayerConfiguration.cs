using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImageLab.Data.EntityConfigurations;

internal sealed class IterationAnalysisLayerConfiguration : IEntityTypeConfiguration<IterationAnalysisLayer>
{
    public void Configure(EntityTypeBuilder<IterationAnalysisLayer> builder)
    {
        builder.HasKey(l => new { l.IterationId, l.Index });
        builder.Property(l => l.DiffId).HasMaxLength(100);
        builder.HasOne(l => l.Layer).WithMany().HasForeignKey(l => l.DiffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.DiffId);
    }
}
