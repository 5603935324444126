using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImageLab.Data.EntityConfigurations;

internal sealed class ExperimentLabelConfiguration : IEntityTypeConfiguration<ExperimentLabel>
{
    public void Configure(EntityTypeBuilder<ExperimentLabel> builder)
    {
        builder.ToTable("experiment_labels");
        builder.HasKey(l => new { l.ExperimentId, l.Key });
        builder.Property(l => l.Key).HasMaxLength(ExperimentLabels.MaxKeyLength);
        builder.Property(l => l.Value).HasMaxLength(ExperimentLabels.MaxValueLength);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(l => l.ExperimentId).OnDelete(DeleteBehavior.Cascade);

        // Baselines: the experiments carrying branch=main, newest first.
        builder.HasIndex(l => new { l.Key, l.Value, l.ExperimentId });
    }
}
