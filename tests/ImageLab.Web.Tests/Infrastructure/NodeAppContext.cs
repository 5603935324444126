using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>
/// A naive Node build that works offline: <c>npm ci</c> installs a small production dependency and a large dev
/// dependency from local tarballs (npm pack's layout, a <c>package/</c> folder) that the test writes with their lock
/// file, then <c>npm run build</c> writes the server into <c>dist/</c>. The multi-stage split leaves the dev dependency
/// and npm's cache in a builder stage.
/// </summary>
public sealed class NodeAppContext : IDisposable
{
    public const string Greeting = "Hello from greeting";

    /// <summary>The dev dependency's bytes (incompressible), which the runtime stage of the split no longer has.</summary>
    public const int DevDependencyBytes = 4 * 1024 * 1024;

    public const string NaiveDockerfile = """
        FROM node:20-bookworm
        WORKDIR /app
        COPY package*.json *.tgz ./
        RUN npm ci
        COPY . .
        RUN npm run build
        CMD ["node", "dist/server.js"]

        """;

    private const string Production = "greeting-1.0.0.tgz";
    private const string Development = "bulky-1.0.0.tgz";

    private NodeAppContext(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>The context's files but the Dockerfile, for a build of another Dockerfile in a copy of it.</summary>
    public IEnumerable<string> ContextFiles => Directory.EnumerateFiles(Folder).Where(f => Path.GetFileName(f) != "Dockerfile.1-naive");

    /// <summary>Writes the context; <paramref name="projectFile"/> becomes its <c>imagelab.json</c> when given.</summary>
    public static NodeAppContext Create(string? projectFile = null)
    {
        var folder = Directory.CreateTempSubdirectory("imagelab-node-").FullName;
        File.WriteAllText(Path.Combine(folder, "Dockerfile.1-naive"), NaiveDockerfile);

        // COPY . . does not take the Dockerfile, so an ablation built from a copy of the context (its Dockerfile named
        // otherwise) copies the same bytes as the submitted build.
        File.WriteAllText(Path.Combine(folder, ".dockerignore"), "Dockerfile*\n.dockerignore\n");
        var greeting = WriteTarball(Path.Combine(folder, Production), new()
        {
            ["package.json"] = Encoding.UTF8.GetBytes("""{ "name": "greeting", "version": "1.0.0", "main": "index.js" }"""),
            ["index.js"] = Encoding.UTF8.GetBytes($"module.exports = () => \"{Greeting}\";\n"),
        });
        var bulky = new byte[DevDependencyBytes];
        new Random(14).NextBytes(bulky);
        var dev = WriteTarball(Path.Combine(folder, Development), new()
        {
            ["package.json"] = Encoding.UTF8.GetBytes("""{ "name": "bulky", "version": "1.0.0" }"""),
            ["blob.bin"] = bulky,
        });
        File.WriteAllText(Path.Combine(folder, "package.json"), $$"""
            {
              "name": "app",
              "version": "1.0.0",
              "private": true,
              "scripts": { "build": "node build.js" },
              "dependencies": { "greeting": "file:{{Production}}" },
              "devDependencies": { "bulky": "file:{{Development}}" }
            }

            """);
        File.WriteAllText(Path.Combine(folder, "package-lock.json"), $$"""
            {
              "name": "app",
              "version": "1.0.0",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": {
                  "name": "app",
                  "version": "1.0.0",
                  "dependencies": { "greeting": "file:{{Production}}" },
                  "devDependencies": { "bulky": "file:{{Development}}" }
                },
                "node_modules/bulky": { "version": "1.0.0", "resolved": "file:{{Development}}", "integrity": "{{dev}}", "dev": true },
                "node_modules/greeting": { "version": "1.0.0", "resolved": "file:{{Production}}", "integrity": "{{greeting}}" }
              }
            }

            """);
        File.WriteAllText(Path.Combine(folder, "build.js"), """
            const fs = require("fs");
            fs.mkdirSync("dist", { recursive: true });
            fs.writeFileSync("dist/server.js", 'const greet = require("greeting");\nconsole.log(greet());\n');

            """);
        if (projectFile is not null)
        {
            File.WriteAllText(Path.Combine(folder, "imagelab.json"), projectFile);
        }

        return new NodeAppContext(folder);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    // npm pack's layout: a gzipped tar of a package/ folder. Returns the lock file's integrity of it.
    private static string WriteTarball(string path, Dictionary<string, byte[]> files)
    {
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar))
        {
            foreach (var (name, bytes) in files)
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, "package/" + name)
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    DataStream = new MemoryStream(bytes),
                };
                tar.WriteEntry(entry);
            }
        }

        return "sha512-" + Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(path)));
    }
}
