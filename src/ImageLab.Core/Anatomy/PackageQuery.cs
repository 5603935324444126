namespace ImageLab.Core.Anatomy;

/// <summary>
/// Which packages of an image's anatomy to list: only one manager and/or layer, sorted by bytes (largest first, the
/// default) or name, one page.
/// </summary>
public sealed record PackageQuery(PackageManager? Manager = null, int? Layer = null, bool SortByName = false, int Offset = 0, int Limit = 100)
{
    public IEnumerable<PackageBytes> Apply(IEnumerable<PackageBytes> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var matching = packages.Where(package =>
            (Manager is null || package.Manager == Manager) && (Layer is null || package.Layers.Any(layer => layer.LayerIndex == Layer)));
        return SortByName
            ? matching.OrderBy(package => package.Name, StringComparer.Ordinal).ThenBy(package => package.Key.Location, StringComparer.Ordinal)
            : matching;
    }
}
