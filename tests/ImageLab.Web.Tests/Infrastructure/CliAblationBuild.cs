using ImageLab.Testing;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>
/// The truth a transformation's saving is checked against: an ablation's Dockerfiles built by the plain docker client
/// (the classic builder, as the suggestion tests' experiments use) in a copy of the build context.
/// </summary>
public static class CliAblationBuild
{
    /// <summary>The size <c>docker image inspect</c> reports for <paramref name="dockerfile"/> built in a copy of <paramref name="contextFiles"/>.</summary>
    public static async Task<long> SizeAsync(IEnumerable<string> contextFiles, string dockerfile)
    {
        var folder = Directory.CreateTempSubdirectory("imagelab-ablation-").FullName;
        try
        {
            foreach (var file in contextFiles)
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "Dockerfile"), dockerfile);
            return await FolderSizeAsync(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The size <c>docker image inspect</c> reports for the Dockerfile in <paramref name="folder"/> built there (the classic
    /// client applies the folder's <c>.dockerignore</c> before it sends the context).
    /// </summary>
    public static async Task<long> FolderSizeAsync(string folder)
    {
        var tag = $"imagelab-test/ablation-check:{Guid.NewGuid():N}";
        try
        {
            await DockerCli.RunAsync("build", "-q", "--network", "none", "-t", tag, folder);
            return await DockerCli.ImageSizeAsync(tag);
        }
        finally
        {
            await DockerCli.RunAsync("image", "rm", "-f", tag);
        }
    }
}
