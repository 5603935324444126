namespace ImageLab.Web.Services;

/// <summary>A built-in sample: its folder name, its title (the README's first heading) and how many Dockerfiles it has.</summary>
public sealed record SampleInfo(string Name, string Title, int DockerfileCount);
