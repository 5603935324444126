using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImageLab.Data.EntityConfigurations;

internal sealed class SuggestedTransformationConfiguration : IEntityTypeConfiguration<SuggestedTransformation>
{
    public void Configure(EntityTypeBuilder<SuggestedTransformation> builder)
    {
        builder.ToTable("suggested_transformations");
        builder.HasKey(t => new { t.IterationId, t.Position });
        builder.Property(t => t.RewriteId).HasMaxLength(100);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Reason).HasMaxLength(Stores.SuggestionStore.MaxReasonLength);
        builder.HasOne<Iteration>().WithMany(i => i.Transformations).HasForeignKey(t => t.IterationId).OnDelete(DeleteBehavior.Cascade);
    }
}
