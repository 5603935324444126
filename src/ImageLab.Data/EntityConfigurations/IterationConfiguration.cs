using ImageLab.Core.Experiments;
using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImageLab.Data.EntityConfigurations;

internal sealed class IterationConfiguration : IEntityTypeConfiguration<Iteration>
{
    public void Configure(EntityTypeBuilder<Iteration> builder)
    {
        // Wider than SubmissionRules.MaxProjectOrIterationNameLength (100): the column is older than the rule, and narrowing it takes a migration.
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.DockerfilePath).HasMaxLength(SubmissionRules.MaxDockerfilePathLength);
        builder.Property(i => i.ImageId).HasMaxLength(100);
        builder.Property(i => i.ImageTag).HasMaxLength(300);
        builder.Property(i => i.Engine).HasMaxLength(300);
        builder.Property(i => i.EngineVersion).HasMaxLength(100);
        builder.Property(i => i.EngineApiVersion).HasMaxLength(20);
        builder.Property(i => i.StorageDriver).HasMaxLength(100);
        builder.Property(i => i.ImageStore).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.StageImageIds).HasMaxLength(2000);
        builder.Property(i => i.CheckStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.CheckSourceOutput).HasMaxLength(Stores.SuggestionStore.MaxCheckOutputLength);
        builder.Property(i => i.CheckSuggestedOutput).HasMaxLength(Stores.SuggestionStore.MaxCheckOutputLength);
        builder.Property(i => i.CheckReason).HasMaxLength(Stores.SuggestionStore.MaxReasonLength);
        builder.Property(i => i.LeaseOwner).HasMaxLength(200);
        builder.Property(i => i.TraceParent).HasMaxLength(55);
        builder.HasIndex(i => new { i.ExperimentId, i.Ordinal }).IsUnique();
        builder.HasMany(i => i.Layers).WithOne().HasForeignKey(l => l.IterationId).OnDelete(DeleteBehavior.Cascade);

        // The queue claims the oldest queued row and sweeps expired leases.
        builder.HasIndex(i => new { i.Status, i.QueuedAt });
        builder.HasIndex(i => i.LeaseExpiresAt);

        // Fair claiming reads who was served since the oldest waiting iteration was queued.
        builder.HasIndex(i => i.StartedAt);
    }
}
