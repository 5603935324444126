namespace ImageLab.Testing;

/// <summary>
/// The real services the tests run against, as <c>scripts/test.sh</c> passes them. A missing one fails the
/// test with a sentence saying how to start it; nothing is skipped.
/// </summary>
public static class TestEnvironment
{
    public static string DockerEndpoint => Require("IMAGELAB_TEST_DOCKER_ENDPOINT", "a Docker engine");

    /// <summary>A second private engine, for builds spread over two engines.</summary>
    public static string SecondDockerEndpoint => Require("IMAGELAB_TEST_DOCKER2_ENDPOINT", "a second Docker engine");

    /// <summary>
    /// The engine matrix (<c>scripts/services.sh</c>): every engine the cross-engine tests build on, the first engine
    /// first, by name (e.g. <c>docker20</c>, <c>docker26</c>, <c>docker28-containerd</c>).
    /// </summary>
    public static IReadOnlyList<(string Name, string Endpoint)> Engines =>
        [.. Require("IMAGELAB_TEST_ENGINES", "the engine matrix").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (parts[0], parts[1]))];

    public static string PostgresConnectionString => Require("IMAGELAB_TEST_POSTGRES", "PostgreSQL");

    /// <summary>The command that controls the test PostgreSQL cluster (for restart tests).</summary>
    public static string PostgresControl => Require("IMAGELAB_TEST_PG_CTL", "PostgreSQL");

    public static int RegistryPort => int.Parse(Require("IMAGELAB_TEST_REGISTRY_PORT", "a local registry"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The repository's <c>samples</c> folder.</summary>
    public static string SamplesFolder => Environment.GetEnvironmentVariable("IMAGELAB_SAMPLES") is { Length: > 0 } samples
        ? samples
        : Path.Combine(RepositoryRoot, "samples");

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ImageLab.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The tests run outside the ImageLab repository: ImageLab.sln was not found above " + AppContext.BaseDirectory);
        }
    }

    private static string Require(string variable, string service) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set, so the tests cannot reach {service}. Run the tests with scripts/test.sh, which starts the real services, " +
                "or `eval \"$(scripts/services.sh start)\"` first.");
}
