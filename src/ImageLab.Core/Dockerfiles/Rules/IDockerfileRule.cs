namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>One check of a Dockerfile. Rules are stateless; the advisor runs each once per Dockerfile.</summary>
public interface IDockerfileRule
{
    /// <summary>The stable id every finding of this rule carries.</summary>
    string Id { get; }

    /// <summary>Checks the Dockerfile the context describes and returns the findings, if any.</summary>
    IEnumerable<Finding> Evaluate(DockerfileRuleContext context);
}
