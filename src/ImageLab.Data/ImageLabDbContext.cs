using ImageLab.Data.Entities;
using ImageLab.Data.EntityConfigurations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data;

/// <summary>
/// ImageLab's store: projects, experiments, iterations, layers, events, build contexts and layer analyses;
/// users and roles (ASP.NET Core Identity), their API tokens and the audit log; ASP.NET Core's data-protection keys
/// (which sign-in cookies and antiforgery tokens are protected with), so that every process and every restart shares them.
/// Tables and columns are snake_case. This type is the PostgreSQL store; <see cref="SqliteImageLabDbContext"/> is the
/// embedded one, with its own migrations. A model change needs a migration for each:
/// <c>dotnet ef migrations add NAME --project src/ImageLab.Data --startup-project src/ImageLab.Data --context ImageLabDbContext</c>
/// (the design-time factory reads <c>ConnectionStrings__ImageLab</c>, else a local default), then the same with
/// <c>--context SqliteImageLabDbContext</c> (see there).
/// </summary>
public class ImageLabDbContext : IdentityDbContext<ImageLabUser>, IDataProtectionKeyContext
{
    public ImageLabDbContext(DbContextOptions<ImageLabDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type (and so its own migrations).</summary>
    protected ImageLabDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Experiment> Experiments => Set<Experiment>();

    public DbSet<Iteration> Iterations => Set<Iteration>();

    public DbSet<Layer> Layers => Set<Layer>();

    public DbSet<ExperimentEvent> Events => Set<ExperimentEvent>();

    public DbSet<ContextChunk> ContextChunks => Set<ContextChunk>();

    /// <summary>Layer analyses by DiffID, shared by every image with the layer.</summary>
    public DbSet<AnalyzedLayer> AnalyzedLayers => Set<AnalyzedLayer>();

    public DbSet<LayerAnalysisAlias> LayerAnalysisAliases => Set<LayerAnalysisAlias>();

    public DbSet<IterationAnalysis> IterationAnalyses => Set<IterationAnalysis>();

    public DbSet<IterationAnalysisLayer> IterationAnalysisLayers => Set<IterationAnalysisLayer>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The data-protection key ring, as XML (unencrypted: protect the database as the keys themselves).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        IdentityConfiguration.Configure(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ImageLabDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
