namespace ImageLab.Data;

/// <summary>
/// The longest text each submitted field may hold, as the columns store it; the intake refuses longer values with a
/// sentence instead of letting the database fail.
/// </summary>
public static class ExperimentFieldLengths
{
    public const int ExperimentName = 200;

    public const int ProjectName = 100;

    public const int IterationName = 200;

    public const int DockerfilePath = 1000;

    /// <summary>The sentence for the first field that is too long, or <see langword="null"/>.</summary>
    public static string? Check(string? experimentName, string? project, IEnumerable<string> dockerfilePaths, Func<string, string> iterationName)
    {
        ArgumentNullException.ThrowIfNull(dockerfilePaths);
        ArgumentNullException.ThrowIfNull(iterationName);
        if (experimentName?.Trim().Length > ExperimentName)
        {
            return $"The experiment name is {experimentName.Trim().Length} characters long; at most {ExperimentName} are allowed.";
        }

        if (project?.Length > ProjectName)
        {
            return $"The project name is {project.Length} characters long; at most {ProjectName} are allowed.";
        }

        foreach (var path in dockerfilePaths)
        {
            if (path.Length > DockerfilePath)
            {
                return $"A Dockerfile path is {path.Length} characters long; at most {DockerfilePath} are allowed.";
            }

            if (iterationName(path).Length > IterationName)
            {
                return $"The iteration name of '{path[..Math.Min(path.Length, 60)]}...' is longer than {IterationName} characters; rename the Dockerfile.";
            }
        }

        return null;
    }
}
