using ImageLab.Web.ViewModels;

namespace ImageLab.Web.Services;

/// <summary>The samples shipped beside the app (<c>samples/&lt;name&gt;/</c>), which "Try a sample" loads into a draft.</summary>
public sealed class SampleLibrary(string folder)
{
    /// <summary>The preferred sample: it builds offline, from the local fixtures.</summary>
    public const string DefaultSample = "python-offline";

    public SampleLibrary()
        : this(Path.Combine(AppContext.BaseDirectory, "samples"))
    {
    }

    public IReadOnlyList<SampleInfo> List()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateDirectories(folder)
            .Select(dir => new SampleInfo(
                Path.GetFileName(dir),
                Title(dir),
                Directory.EnumerateFiles(dir).Count(f => ExperimentDraft.IsDockerfile(Path.GetFileName(f)))))
            .Where(s => s.DockerfileCount > 0)
            .OrderBy(s => s.Name == DefaultSample ? 0 : 1).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Replaces the draft's context with the sample's files; sets project and name when they are still empty.</summary>
    public async Task LoadAsync(string name, ExperimentDraft draft, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var sample = List().FirstOrDefault(s => s.Name == name)
            ?? throw new InvalidOperationException($"There is no sample called '{name}' in {folder}.");
        var root = Path.Combine(folder, sample.Name);
        draft.ClearContext();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stream = File.OpenRead(file);
            await using (stream)
            {
                await draft.AddFileAsync(Path.GetRelativePath(root, file).Replace('\\', '/'), stream, maxBytes, cancellationToken);
            }
        }

        // The samples install their packages with apt-get.
        draft.RequestsNetwork = true;
        if (string.IsNullOrWhiteSpace(draft.Project))
        {
            draft.Project = sample.Name;
        }

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            draft.Name = sample.Title;
        }
    }

    private static string Title(string dir)
    {
        var readme = Path.Combine(dir, "README.md");
        var heading = File.Exists(readme)
            ? File.ReadLines(readme).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
            : null;
        return heading ?? Path.GetFileName(dir);
    }
}
