namespace ImageLab.Core.Anatomy;

/// <summary>
/// Explains each installed Debian package from dpkg's relations and apt's auto-installed marks: packages apt did
/// not mark automatic are requested; walking Depends from them gives every needed package; an automatic package
/// outside that closure is there only because of a Recommends, and is blamed on the needed packages whose
/// Recommends lead to it.
/// </summary>
public static class DpkgInstallReasons
{
    public static IReadOnlyDictionary<string, InstallReason> Explain(IReadOnlyList<DpkgPackage> packages, IReadOnlySet<string> autoInstalled)
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(autoInstalled);
        var graph = new DpkgGraph(packages);
        var requested = graph.Names.Where(name => !autoInstalled.Contains(name)).ToList();
        var needed = graph.Reachable(requested, package => package.Depends, _ => true);

        var reasons = new Dictionary<string, InstallReason>(StringComparer.Ordinal);
        foreach (var name in requested)
        {
            reasons[name] = new InstallReason(InstallReasonKind.Requested, []);
        }
        foreach (var name in needed.Where(name => !reasons.ContainsKey(name)))
        {
            reasons[name] = new InstallReason(InstallReasonKind.Dependency, graph.DirectDependents(name, needed));
        }
        foreach (var (name, recommenders) in RecommendedOnly(graph, needed))
        {
            reasons[name] = new InstallReason(InstallReasonKind.RecommendsOnly, [.. recommenders.Order(StringComparer.Ordinal)]);
        }
        // Automatic packages nothing installed asks for any more (left behind by a removal): nothing in the image
        // explains them, so they read as requested.
        foreach (var name in graph.Names.Where(name => !reasons.ContainsKey(name)))
        {
            reasons[name] = new InstallReason(InstallReasonKind.Requested, []);
        }
        return reasons;
    }

    /// <summary>
    /// For every package outside <paramref name="needed"/> that a needed package's Recommends reaches (through
    /// Depends and Recommends of packages that are themselves not needed), the needed packages that recommend it.
    /// </summary>
    private static Dictionary<string, HashSet<string>> RecommendedOnly(DpkgGraph graph, HashSet<string> needed)
    {
        var recommenders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var recommender in needed)
        {
            var starts = graph.Satisfiers(graph[recommender].Recommends).Where(name => !needed.Contains(name)).ToList();
            var reached = graph.Reachable(starts, package => [.. package.Depends, .. package.Recommends], name => !needed.Contains(name));
            foreach (var name in reached)
            {
                if (!recommenders.TryGetValue(name, out var set))
                {
                    recommenders[name] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.Add(recommender);
            }
        }
        return recommenders;
    }
}
