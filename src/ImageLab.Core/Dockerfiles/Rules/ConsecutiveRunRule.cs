namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>DL3059: several RUN instructions in a row make several layers where one would do.</summary>
public sealed class ConsecutiveRunRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "DL3059";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var stage in context.Document.Stages)
        {
            var instructions = stage.Instructions;
            var i = 0;
            while (i < instructions.Count)
            {
                if (instructions[i].Keyword != "RUN")
                {
                    i++;
                    continue;
                }

                var end = i + 1;
                while (end < instructions.Count && instructions[end].Keyword == "RUN" && SameFlags(instructions[i], instructions[end]))
                {
                    end++;
                }

                if (end - i > 1)
                {
                    var lines = string.Join(", ", instructions.Skip(i).Take(end - i).Select(r => r.StartLine));
                    yield return new Finding(
                        Id,
                        FindingSeverity.Info,
                        instructions[i + 1].StartLine,
                        $"{end - i} RUN instructions follow each other (lines {lines}); each makes its own layer, and files one of them creates cannot be removed by the next.",
                        "Join them into one RUN with '&&' (or a RUN <<EOF here-document), cleaning up in the same step.",
                        FindingCategories.Layers);
                }

                i = end;
            }
        }
    }

    private static bool SameFlags(DockerfileInstruction a, DockerfileInstruction b) =>
        a.Flags.Count == b.Flags.Count && a.Flags.Zip(b.Flags).All(p => p.First == p.Second);
}
