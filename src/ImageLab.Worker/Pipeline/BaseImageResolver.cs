using ImageLab.Core.Dockerfiles;

namespace ImageLab.Worker.Pipeline;

/// <summary>Follows a stage's <c>FROM</c> chain back to the external image the final image starts from.</summary>
public static class BaseImageResolver
{
    /// <summary>The root image (or <c>scratch</c>) and every instruction after it that went into the stage, in order.</summary>
    public static (string BaseImage, IReadOnlyList<DockerfileInstruction> OwnInstructions) Resolve(DockerfileDocument document, string? target)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stage = (target is null ? null : document.FindStage(target)) ?? document.FinalStage;
        if (stage is null)
        {
            return ("scratch", []);
        }

        var chain = new List<DockerfileStage>();
        for (var current = stage; current is not null; current = current.BaseStageIndex is { } parent ? document.Stages[parent] : null)
        {
            chain.Add(current);
            if (chain.Count > document.Stages.Count)
            {
                break;
            }
        }

        chain.Reverse();
        var instructions = chain.SelectMany(s => s.Instructions.Where(i => i.Keyword != "FROM")).ToList();
        return (chain[0].BaseImage, instructions);
    }
}
