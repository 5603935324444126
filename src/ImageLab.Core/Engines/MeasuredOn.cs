using ImageLab.Core.Experiments;

namespace ImageLab.Core.Engines;

/// <summary>Which engine measured an experiment's iterations, in the words every page and report uses.</summary>
public static class MeasuredOn
{
    /// <summary>"Measured on Docker 28.5.2 (API 1.51, containerd image store, overlayfs)."; null before anything was measured.</summary>
    public static string? Describe(IReadOnlyList<IterationDetails> iterations)
    {
        ArgumentNullException.ThrowIfNull(iterations);
        var groups = Group(iterations);
        return groups.Count switch
        {
            0 => null,
            1 => $"Measured on {groups[0].Engine}.",
            _ => "Measured on " + string.Join("; ", groups.Select(g => $"{string.Join(", ", g.Names)} on {g.Engine}")) + ".",
        };
    }

    /// <summary>
    /// The sentence a comparison across engines needs (null when one engine measured everything): which numbers compare
    /// and which do not.
    /// </summary>
    public static string? AcrossEngines(IReadOnlyList<IterationDetails> iterations)
    {
        ArgumentNullException.ThrowIfNull(iterations);
        var groups = Group(iterations);
        if (groups.Count < 2)
        {
            return null;
        }

        return $"These iterations were measured on {groups.Count} different engines. Image sizes compare (ImageLab counts the files in the layers, "
            + "uncompressed, the same way on every engine); build times, cached steps and push sizes of layers the engine stores uncompressed depend on the engine.";
    }

    private static List<(EngineDescription Engine, List<string> Names)> Group(IReadOnlyList<IterationDetails> iterations)
    {
        var groups = new List<(EngineDescription Engine, List<string> Names)>();
        foreach (var iteration in iterations)
        {
            if (iteration.MeasuredOn is not { } engine)
            {
                continue;
            }

            var index = groups.FindIndex(g => g.Engine.MeasuresLike(engine));
            if (index < 0)
            {
                groups.Add((engine, [iteration.Name]));
            }
            else
            {
                groups[index].Names.Add(iteration.Name);
            }
        }

        return groups;
    }
}
