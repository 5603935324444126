using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ImageLab.Data.Tests.Infrastructure;

/// <summary>A Development host environment, as <c>dotnet run</c> gives the app.</summary>
internal sealed class TestHostEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Development";

    public string ApplicationName { get; set; } = "ImageLab.Data.Tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
