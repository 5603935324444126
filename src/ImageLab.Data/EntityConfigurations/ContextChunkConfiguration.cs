using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImageLab.Data.EntityConfigurations;

internal sealed class ContextChunkConfiguration : IEntityTypeConfiguration<ContextChunk>
{
    public void Configure(EntityTypeBuilder<ContextChunk> builder)
    {
        builder.HasKey(c => new { c.ExperimentId, c.Index });
        builder.HasOne<Experiment>().WithMany().HasForeignKey(c => c.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
