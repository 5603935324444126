using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImageLab.Data.EntityConfigurations;

internal sealed class IterationAnalysisConfiguration : IEntityTypeConfiguration<IterationAnalysis>
{
    public void Configure(EntityTypeBuilder<IterationAnalysis> builder)
    {
        builder.HasKey(a => a.IterationId);
        builder.Property(a => a.IterationId).ValueGeneratedNever();
        builder.HasOne<Iteration>().WithOne().HasForeignKey<IterationAnalysis>(a => a.IterationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.FailureReason).HasMaxLength(2000);
        builder.Property(a => a.FindingsJson).HasColumnType("jsonb");
        builder.Property(a => a.WarningsJson).HasColumnType("jsonb");
        builder.Property(a => a.LeaseOwner).HasMaxLength(200);
        builder.HasIndex(a => new { a.Status, a.LeaseExpiresAt });
        builder.HasMany(a => a.Layers).WithOne().HasForeignKey(l => l.IterationId).OnDelete(DeleteBehavior.Cascade);
    }
}
