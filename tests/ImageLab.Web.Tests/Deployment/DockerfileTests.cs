using ImageLab.Core.Dockerfiles;
using ImageLab.Testing;

namespace ImageLab.Web.Tests.Deployment;

/// <summary>ImageLab's own image practises what it preaches: checked by its own advisor.</summary>
public sealed class DockerfileTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "Dockerfile"));

    [Fact]
    public void Advisor_DeployDockerfile_HasNoWarningOrError()
    {
        // Act
        var analysis = new DockerfileAdvisor().Analyze(Text);

        // Assert
        Assert.True(analysis.Document.IsValid, string.Join("\n", analysis.Document.Errors));
        var serious = analysis.Findings.Where(f => f.Severity >= FindingSeverity.Warning).Select(f => $"line {f.Line} {f.RuleId}: {f.Message}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public void Stages_RuntimeStage_IsSmallNonRootAndHealthChecked()
    {
        // Act
        var document = DockerfileParser.Parse(Text);
        var runtime = document.FinalStage!;

        // Assert
        Assert.True(document.Stages.Count >= 2, "deploy/Dockerfile must build in an SDK stage and run in a separate runtime stage.");
        Assert.Contains("/dotnet/sdk", document.Stages[0].BaseImage, StringComparison.Ordinal);
        Assert.Matches("/dotnet/(aspnet|runtime-deps):[^ ]*(alpine|chiseled|distroless)", runtime.BaseImage);
        Assert.Contains(runtime.Instructions, i => i.Keyword == "USER" && i.Arguments.Trim() is not ("root" or "0"));
        Assert.Contains(runtime.Instructions, i => i.Keyword == "HEALTHCHECK" && i.Arguments.Contains("/healthz", StringComparison.Ordinal));
        Assert.DoesNotContain(runtime.Instructions, i => i.Keyword == "RUN");
    }

    [Fact]
    public void DockerIgnore_BuildOutputs_AreLeftOutOfTheContext()
    {
        // Act
        var ignored = File.ReadAllLines(Path.Combine(TestEnvironment.RepositoryRoot, ".dockerignore")).Select(l => l.Trim()).ToHashSet();

        // Assert
        Assert.Contains("**/bin", ignored);
        Assert.Contains("**/obj", ignored);
        Assert.Contains(".git", ignored);
    }
}
