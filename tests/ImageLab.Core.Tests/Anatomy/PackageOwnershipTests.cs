using ImageLab.Core.Anatomy;

namespace ImageLab.Core.Tests.Anatomy;

public sealed class PackageOwnershipTests
{
    [Fact]
    public void Update_RandomLayersOfInstallsAndRemovals_OwnsEveryPathAsAFullBuildDoes()
    {
        // Arrange: packages over a small tree, so that files collide and listed files become folders.
        var random = new Random(15);
        string[] paths = ["/usr", "/usr/bin", "/usr/bin/a", "/usr/bin/b", "/usr/lib", "/usr/lib/x.so", "/usr/lib/x.so/inner", "/lib64", "/lib64/ld.so", "/etc/a.conf", "/etc/b.conf", "/app/node_modules/q/index.js"];
        InstalledPackage NewPackage(int n) => new(
            new PackageKey(n % 5 == 0 ? PackageManager.Npm : PackageManager.Dpkg, $"p{n}"), "1",
            [.. paths.Where(_ => random.Next(4) == 0)], n % 5 == 0 ? "/app/node_modules/q/" : null);
        for (var trial = 0; trial < 300; trial++)
        {
            var ownership = PackageOwnership.Empty;
            var installed = new List<InstalledPackage>();
            for (var layer = 0; layer < 5; layer++)
            {
                // Mostly installs (kept instances, new ones inserted anywhere), sometimes a removal.
                if (installed.Count > 0 && random.Next(4) == 0)
                {
                    installed.RemoveAt(random.Next(installed.Count));
                }
                for (var n = random.Next(3); n > 0; n--)
                {
                    installed.Insert(random.Next(installed.Count + 1), NewPackage(random.Next(1000)));
                }
                var packages = installed.ToList();

                // Act
                ownership = PackageOwnership.Update(ownership, packages);

                // Assert
                var full = new PackageOwnership(packages);
                foreach (var path in paths.Append("/app/node_modules/q/lib/deep.js"))
                {
                    Assert.Equal(full.OwnerOf(path), ownership.OwnerOf(path));
                }
            }
        }
    }
}
