using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles;

public sealed class DockerfileAdvisorTests
{
    [Fact]
    public void CreateDefaultRules_Ids_AreUniqueAndStable()
    {
        // Act
        var ids = DockerfileAdvisor.CreateDefaultRules().Select(r => r.Id).ToList();

        // Assert
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(
            ["DL3009", "DL3015", "DL3019", "DL3032", "DL3036", "DL3040", "DL3042", "DL3046", "DL3059", "DL3060",
             "IL000", "IL001", "IL002", "IL003", "IL004", "IL005", "IL006", "IL007", "IL008", "IL009", "IL010"],
            ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Analyze_Findings_AreOrderedByLine()
    {
        // Act
        var findings = Corpus.Read("lesson-1-naive.Dockerfile").Advise();

        // Assert
        Assert.Equal(findings.OrderBy(f => f.Line).Select(f => f.Line), findings.Select(f => f.Line));
    }

    [Fact]
    public void Analyze_InvalidDockerfile_ReturnsParseErrorsAsFindings()
    {
        // Act
        var analysis = new DockerfileAdvisor().Analyze("FROM python\nFROBNICATE\n");

        // Assert
        Assert.Contains(analysis.Findings, f => f.RuleId == "IL000" && f.Line == 2 && f.Severity == FindingSeverity.Error);
        Assert.Contains(analysis.Findings, f => f.RuleId == "IL010" && f.Line == 1);
        Assert.Single(analysis.Document.Stages);
    }

    [Fact]
    public void Analyze_ThrowingRule_BecomesAFindingInsteadOfAnException()
    {
        // Arrange
        var advisor = new DockerfileAdvisor([new ThrowingRule()]);

        // Act
        var finding = Assert.Single(advisor.Analyze("FROM alpine:3.20\n").Findings);

        // Assert
        Assert.Equal("TEST1", finding.RuleId);
    }

    [Theory]
    [InlineData("heredocs.Dockerfile")]
    [InlineData("go-four-stage.Dockerfile")]
    [InlineData("dotnet-chiseled.Dockerfile")]
    [InlineData("node-onbuild.Dockerfile")]
    [InlineData("comments-in-continuations.Dockerfile")]
    [InlineData("rhel-microdnf.Dockerfile")]
    public void Analyze_CarefulCorpusFiles_HaveNoWarnings(string name)
    {
        // Act
        var findings = Corpus.Read(name).Advise();

        // Assert
        Assert.DoesNotContain(findings, f => f.Severity >= FindingSeverity.Warning);
    }

    [Fact]
    public void Analyze_HeredocRun_SeesCommandsInsideTheBody()
    {
        // Act
        var findings = "FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n".Advise();

        // Assert
        Assert.Contains(findings, f => f.RuleId == "DL3009" && f.Line == 2);
        Assert.Contains(findings, f => f.RuleId == "DL3015" && f.Line == 2);
    }

    private sealed class ThrowingRule : IDockerfileRule
    {
        public string Id => "TEST1";

        public IEnumerable<Finding> Evaluate(DockerfileRuleContext context) => throw new InvalidOperationException("boom");
    }
}
