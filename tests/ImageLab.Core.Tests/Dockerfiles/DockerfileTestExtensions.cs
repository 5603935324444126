using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Tests.Dockerfiles;

internal static class DockerfileTestExtensions
{
    public static IReadOnlyList<Finding> Advise(this string dockerfile, DockerfileAdvisorOptions? options = null) =>
        new DockerfileAdvisor().Analyze(dockerfile, options).Findings;

    public static string[] Ids(this IEnumerable<Finding> findings) => findings.Select(f => $"{f.RuleId}@{f.Line}").ToArray();
}
