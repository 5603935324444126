namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>
/// IL001: the final image installs compilers and development headers (gcc, make, build-essential, *-dev...) and does
/// not remove them in the same RUN; a builder stage would keep them out of the image.
/// </summary>
public sealed class BuildToolsInFinalImageRule : IDockerfileRule
{
    private static readonly HashSet<string> Tools = new(StringComparer.Ordinal)
    {
        "gcc", "g++", "cpp", "make", "cmake", "ninja-build", "build-essential", "build-base", "clang", "llvm",
        "autoconf", "automake", "libtool", "pkg-config", "pkgconf", "musl-dev", "libc-dev", "libc6-dev",
        "linux-headers", "gfortran", "gcc-c++", "rust", "rustc", "cargo", "golang", "swig", "bison", "flex",
        "development tools",
    };

    /// <inheritdoc/>
    public string Id => "IL001";

    /// <summary>Whether the package is a compiler, a build tool or a development (header) package.</summary>
    public static bool IsBuildTool(string package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var name = package.ToLowerInvariant();
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            name = name[..colon];
        }

        return Tools.Contains(name)
            || name.EndsWith("-dev", StringComparison.Ordinal)
            || name.EndsWith("-devel", StringComparison.Ordinal)
            || name.StartsWith("gcc-", StringComparison.Ordinal)
            || name.StartsWith("g++-", StringComparison.Ordinal)
            || name.StartsWith("clang-", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var stage in context.FinalImageStages)
        {
            foreach (var run in stage.Instructions.Where(i => i.Keyword == "RUN"))
            {
                var commands = context.GetCommands(run);
                var removed = new HashSet<string>(commands.SelectMany(PackageCaches.RemovedPackages), StringComparer.Ordinal);
                var tools = new List<string>();
                foreach (var command in commands)
                {
                    if (PackageCaches.VirtualPackage(command) is { } virtualName && removed.Contains(virtualName))
                    {
                        continue;
                    }

                    tools.AddRange(PackageCaches.InstalledPackages(command).Where(p => IsBuildTool(p) && !removed.Contains(p)));
                }

                if (tools.Count == 0)
                {
                    continue;
                }

                var list = string.Join(", ", tools.Distinct().Take(6)) + (tools.Distinct().Count() > 6 ? ", ..." : "");
                var where = context.IsSingleStage
                    ? "This single-stage build installs build tools"
                    : $"The final image (stage '{stage.DisplayName}') installs build tools";
                yield return new Finding(
                    Id,
                    FindingSeverity.Warning,
                    run.StartLine,
                    $"{where} ({list}) on line {run.StartLine}; they are needed only to compile dependencies, yet they ship with the image.",
                    "Install and use them in a builder stage, then COPY --from=builder only the built packages (for Python, the site-packages or a virtual environment) into a slim final stage.",
                    FindingCategories.BuildTools);
            }
        }
    }
}
