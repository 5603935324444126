using System.Text.RegularExpressions;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Formatting;

namespace ImageLab.Core.Experiments;

/// <summary>
/// What makes a submission valid: project and experiment names, iteration names, build arguments and Dockerfiles that
/// parse. The one place these rules live: the intake enforces them (the REST API answers 400 with the sentence) and the
/// New experiment form calls them for early feedback; the store's columns take their lengths from here. Each check
/// returns a sentence, or <see langword="null"/> when it passes.
/// </summary>
public static partial class SubmissionRules
{
    /// <summary>The longest experiment name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest project or iteration name accepted (the name pattern's length: keep the two equal).</summary>
    public const int MaxProjectOrIterationNameLength = 100;

    /// <summary>The longest path of a Dockerfile in the build context accepted.</summary>
    public const int MaxDockerfilePathLength = 1000;

    /// <summary>The most words a check command may have.</summary>
    public const int MaxCheckWords = 64;

    /// <summary>The longest check command accepted, all its words together.</summary>
    public const int MaxCheckCommandLength = 4000;

    /// <summary>The longest text a check may expect in the output.</summary>
    public const int MaxCheckExpectLength = 1000;

    /// <summary>The project's problem: missing, or not letters, digits, '.', '-' and '_' (at most <see cref="MaxProjectOrIterationNameLength"/>).</summary>
    public static string? ProjectProblem(string? project)
    {
        if (string.IsNullOrWhiteSpace(project))
        {
            return "Choose a project: the name your team tracks this image under, such as fastapi-service.";
        }

        return NamePattern().IsMatch(project.Trim())
            ? null
            : $"The project '{project.Trim()}' cannot be used: a project name uses letters, digits, '.', '-' and '_' (at most {MaxProjectOrIterationNameLength}), and starts with a letter or digit.";
    }

    /// <summary>The experiment name's problem: longer than <see cref="MaxNameLength"/> characters (none is fine: one is made up).</summary>
    public static string? NameProblem(string? name) =>
        name is { Length: > MaxNameLength } ? $"Keep the experiment's name under {MaxNameLength} characters." : null;

    /// <summary>An iteration name's problem; <paramref name="label"/> names it in the sentence ("Iteration 2").</summary>
    public static string? IterationNameProblem(string? name, string label)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return $"{label} needs a name, such as slim or multistage.";
        }

        return NamePattern().IsMatch(name.Trim())
            ? null
            : $"{label}: the name '{name.Trim()}' cannot be used: a name uses letters, digits, '.', '-' and '_' only (at most {MaxProjectOrIterationNameLength}), because it becomes the file name Dockerfile.<name>.";
    }

    /// <summary>A Dockerfile path's problem: longer than <see cref="MaxDockerfilePathLength"/> characters.</summary>
    public static string? DockerfilePathProblem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length > MaxDockerfilePathLength
            ? $"A Dockerfile path is {path.Length} characters long; at most {MaxDockerfilePathLength} are allowed."
            : null;
    }

    /// <summary>A build argument name's problem.</summary>
    public static string? BuildArgNameProblem(string? name) =>
        name is not null && BuildArgPattern().IsMatch(name.Trim())
            ? null
            : $"The build argument name '{name?.Trim()}' cannot be used: a build argument's name uses letters, digits and '_' and does not start with a digit.";

    /// <summary>The sentence for a build argument given twice.</summary>
    public static string DuplicateBuildArg(string name) => $"The build argument {name.Trim()} is set twice.";

    /// <summary>The sentence for two iterations with the same Dockerfile path.</summary>
    public static string DuplicateIteration(string name) => $"Two iterations are called '{name}': give each its own name.";

    /// <summary>A Dockerfile's problem: empty, a parse error (the first), or no FROM instruction.</summary>
    public static string? DockerfileProblem(string iterationName, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"'{iterationName}' is empty: a Dockerfile needs at least a FROM instruction.";
        }

        var document = DockerfileParser.Parse(text);
        if (document.Errors.Count > 0)
        {
            var error = document.Errors[0];
            return $"'{iterationName}', line {error.Line}: {error.Message}";
        }

        return document.Stages.Count == 0 ? $"'{iterationName}' has no FROM instruction: every Dockerfile starts from a base image." : null;
    }

    /// <summary>
    /// A check command's problem: no words, an empty first word, more than <see cref="MaxCheckWords"/> words, longer than
    /// <see cref="MaxCheckCommandLength"/> or <see cref="MaxCheckExpectLength"/>, or control characters other than line
    /// breaks and tabs.
    /// </summary>
    public static string? CheckProblem(CheckCommand check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Command.Count == 0 || string.IsNullOrWhiteSpace(check.Command[0]))
        {
            return "A check needs a command: its first word is the program to run, such as [\"python3\", \"-c\", \"import app\"].";
        }

        if (check.Command.Count > MaxCheckWords)
        {
            return $"A check command has {check.Command.Count} words; at most {MaxCheckWords} are allowed.";
        }

        var length = check.Command.Sum(w => w.Length);
        if (length > MaxCheckCommandLength)
        {
            return $"A check command is {length} characters long; at most {MaxCheckCommandLength} are allowed.";
        }

        if (check.Expect is { Length: > MaxCheckExpectLength })
        {
            return $"A check's expected text is {check.Expect.Length} characters long; at most {MaxCheckExpectLength} are allowed.";
        }

        return check.Command.Append(check.Expect ?? "").Any(w => !w.All(PrintableText.Keeps))
            ? "A check's command and expected text cannot hold control characters other than line breaks and tabs (a NUL never reaches a program)."
            : null;
    }

    /// <summary>The problems of the fields that come before the Dockerfiles are read: project, name and build arguments.</summary>
    public static IEnumerable<string> FieldProblems(string? project, string? name, IEnumerable<string> buildArgNames)
    {
        ArgumentNullException.ThrowIfNull(buildArgNames);
        if (ProjectProblem(project) is { } projectProblem)
        {
            yield return projectProblem;
        }

        if (NameProblem(name) is { } nameProblem)
        {
            yield return nameProblem;
        }

        foreach (var arg in buildArgNames)
        {
            if (BuildArgNameProblem(arg) is { } argProblem)
            {
                yield return argProblem;
            }
        }
    }

    /// <summary>The problems of the iterations, in order: names, paths (too long or twice) and Dockerfiles that do not parse.</summary>
    public static IEnumerable<string> IterationProblems(IReadOnlyList<IterationSubmission> iterations)
    {
        ArgumentNullException.ThrowIfNull(iterations);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < iterations.Count; index++)
        {
            var iteration = iterations[index];
            if (IterationNameProblem(iteration.Name, $"Iteration {index + 1}") is { } nameProblem)
            {
                yield return nameProblem;
                continue;
            }

            if (DockerfilePathProblem(iteration.DockerfilePath) is { } pathProblem)
            {
                yield return pathProblem;
            }

            if (!paths.Add(iteration.DockerfilePath))
            {
                yield return DuplicateIteration(iteration.Name);
            }

            if (DockerfileProblem(iteration.Name, iteration.DockerfileText) is { } dockerfileProblem)
            {
                yield return dockerfileProblem;
            }
        }
    }

    /// <summary>Every problem of a submission, in order; empty when it can be accepted.</summary>
    public static IEnumerable<string> Problems(ExperimentSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var checkProblems = submission.Check is { } check && CheckProblem(check) is { } problem ? [problem] : Array.Empty<string>();
        return FieldProblems(submission.Project, submission.Name, submission.BuildArgs.Keys).Concat(checkProblems).Concat(IterationProblems(submission.Iterations));
    }

    // At most MaxProjectOrIterationNameLength characters.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex BuildArgPattern();
}
