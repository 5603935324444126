namespace ImageLab.Core.Anatomy;

/// <summary>Installed Debian packages as a graph: relations resolved to the installed package that satisfies them.</summary>
internal sealed class DpkgGraph
{
    private readonly Dictionary<string, DpkgPackage> byName = new(StringComparer.Ordinal);
    private readonly ILookup<string, string> providers;
    private readonly Lazy<Dictionary<string, List<string>>> dependents;

    public DpkgGraph(IReadOnlyList<DpkgPackage> packages)
    {
        foreach (var package in packages)
        {
            byName.TryAdd(package.Name, package);
        }
        providers = packages
            .SelectMany(package => package.Provides.Select(virtualName => (VirtualName: virtualName, package.Name)))
            .ToLookup(pair => pair.VirtualName, pair => pair.Name, StringComparer.Ordinal);
        dependents = new Lazy<Dictionary<string, List<string>>>(IndexDependents);
    }

    public IEnumerable<string> Names => byName.Keys;

    public DpkgPackage this[string name] => byName[name];

    /// <summary>Every package reachable from <paramref name="starts"/> along <paramref name="relations"/>, entering only packages <paramref name="mayEnter"/> allows.</summary>
    public HashSet<string> Reachable(
        IEnumerable<string> starts,
        Func<DpkgPackage, IEnumerable<IReadOnlyList<string>>> relations,
        Func<string, bool> mayEnter)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(starts.Where(mayEnter));
        while (queue.TryDequeue(out var name))
        {
            if (!reached.Add(name))
            {
                continue;
            }
            foreach (var next in Satisfiers(relations(byName[name])))
            {
                if (mayEnter(next) && !reached.Contains(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return reached;
    }

    /// <summary>The <paramref name="candidates"/> whose Depends <paramref name="name"/> satisfies, in name order.</summary>
    public IReadOnlyList<string> DirectDependents(string name, IReadOnlySet<string> candidates) =>
        dependents.Value.TryGetValue(name, out var all)
            ? [.. all.Where(candidate => candidate != name && candidates.Contains(candidate)).Order(StringComparer.Ordinal)]
            : [];

    // Each package's Depends resolved once: asking every candidate about every package was quadratic.
    private Dictionary<string, List<string>> IndexDependents()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var package in byName.Values)
        {
            foreach (var dependency in Satisfiers(package.Depends))
            {
                if (!index.TryGetValue(dependency, out var list))
                {
                    index[dependency] = list = [];
                }
                if (!list.Contains(package.Name))
                {
                    list.Add(package.Name);
                }
            }
        }
        return index;
    }

    /// <summary>For each relation, the installed package satisfying it: the first installed alternative, else a provider.</summary>
    public IEnumerable<string> Satisfiers(IEnumerable<IReadOnlyList<string>> relations)
    {
        foreach (var alternatives in relations)
        {
            if (Satisfier(alternatives) is { } name)
            {
                yield return name;
            }
        }
    }

    private string? Satisfier(IReadOnlyList<string> alternatives)
    {
        foreach (var alternative in alternatives)
        {
            if (byName.ContainsKey(alternative))
            {
                return alternative;
            }
        }
        foreach (var alternative in alternatives)
        {
            if (providers[alternative].FirstOrDefault() is { } provider)
            {
                return provider;
            }
        }
        return null;
    }
}
