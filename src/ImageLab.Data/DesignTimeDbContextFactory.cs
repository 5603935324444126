using ImageLab.Data.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ImageLab.Data;

/// <summary>Lets <c>dotnet ef</c> create the context without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ImageLabDbContext>
{
    public ImageLabDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__ImageLab")
            ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=imagelab";
        var options = new DbContextOptionsBuilder<ImageLabDbContext>();
        DataServiceCollectionExtensions.ConfigureNpgsql(options, connectionString);
        return new ImageLabDbContext(options.Options);
    }
}
