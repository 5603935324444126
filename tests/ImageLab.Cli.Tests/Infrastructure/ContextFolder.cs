namespace ImageLab.Cli.Tests.Infrastructure;

/// <summary>A temporary build context folder with the given files, deleted on dispose.</summary>
public sealed class ContextFolder : IDisposable
{
    public ContextFolder(params (string Path, string Text)[] files)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "imagelab-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var (path, text) in files)
        {
            var full = System.IO.Path.Combine(Path, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
