namespace ImageLab.Core.Anatomy;

/// <summary>
/// Identifies one installed package across layers and images: the manager and its name (plus, for packages that may
/// exist several times in one image, the folder they live in: two virtualenvs, nested <c>node_modules</c>).
/// </summary>
public readonly record struct PackageKey(PackageManager Manager, string Name, string Location = "")
{
    public override string ToString() =>
        Location.Length == 0 ? $"{Manager.ToString().ToLowerInvariant()}:{Name}" : $"{Manager.ToString().ToLowerInvariant()}:{Name}@{Location}";
}
