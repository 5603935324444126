using ImageLab.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Tests.Hosting;

/// <summary>The embedded SQLite store serves one process: only <c>--role all</c> runs on it.</summary>
public sealed class EmbeddedStoreRoleTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void AddImageLabRole_ScaleOutRoleWithoutConnectionString_RefusedNamingTheSetting(string role)
    {
        // Arrange
        var builder = WebApplication.CreateBuilder(["--role", role, "--ConnectionStrings:ImageLab", ""]);

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => builder.AddImageLabRole());

        // Assert
        Assert.Contains($"--role {role} needs the shared PostgreSQL store: set ConnectionStrings:ImageLab", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddImageLabRole_AllWithoutConnectionString_Accepted()
    {
        // Arrange
        var builder = WebApplication.CreateBuilder(["--ConnectionStrings:ImageLab", ""]);

        // Act
        var role = builder.AddImageLabRole();

        // Assert
        Assert.Equal(new ProcessRole(ImageLabRole.All, RunsBuilds: true), role);
    }
}
