using System.Text.Json;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// An npm package installed in a <c>node_modules</c> folder (<c>…/node_modules/NAME/package.json</c> or
/// <c>…/node_modules/@SCOPE/NAME/package.json</c>): it owns its folder, except the packages nested in it.
/// </summary>
public static class NpmPackageJson
{
    public static bool IsPackageJson(string path)
    {
        if (!path.EndsWith("/package.json", StringComparison.Ordinal))
        {
            return false;
        }
        var segments = path.Split('/');
        var count = segments.Length;
        return (count >= 4 && segments[count - 3] == "node_modules" && !segments[count - 2].StartsWith('@'))
            || (count >= 5 && segments[count - 4] == "node_modules" && segments[count - 3].StartsWith('@'));
    }

    /// <returns>The package, or null when the file is not valid JSON.</returns>
    public static InstalledPackage? Parse(string packageJsonPath, string text)
    {
        var folder = packageJsonPath[..(packageJsonPath.Length - "package.json".Length)];
        var folderName = folder[..^1];
        var nodeModules = folderName[..folderName.LastIndexOf("/node_modules/", StringComparison.Ordinal)];
        var fallbackName = folderName[(nodeModules.Length + "/node_modules/".Length)..];
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var name = StringProperty(root, "name") ?? fallbackName;
            var version = StringProperty(root, "version") ?? "";
            return new InstalledPackage(new PackageKey(PackageManager.Npm, name, nodeModules), version, [], folder);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringProperty(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
