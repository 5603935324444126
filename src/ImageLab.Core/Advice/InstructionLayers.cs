using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;

namespace ImageLab.Core.Advice;

/// <summary>
/// Which layers of a built image each instruction of its Dockerfile produced: an instruction owns the layers whose
/// <see cref="LayerDetails.Line"/> falls within its lines, and the FROM that the final image starts from owns the
/// base image's layers. Instructions of discarded builder stages own none.
/// </summary>
public sealed class InstructionLayers
{
    private readonly DockerfileDocument _document;
    private readonly IReadOnlyList<LayerDetails> _layers;
    private readonly int? _baseFromLine;

    public InstructionLayers(DockerfileDocument document, IReadOnlyList<LayerDetails> layers, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layers);
        _document = document;
        _layers = layers;
        var stage = target is { Length: > 0 } ? document.FindStage(target) ?? document.FinalStage : document.FinalStage;
        while (stage?.BaseStageIndex is { } parent && parent < stage.Index)
        {
            stage = document.Stages[parent];
        }

        _baseFromLine = stage?.StartLine;
    }

    /// <summary>Whether there are measured layers at all (the iteration was built).</summary>
    public bool IsMeasured => _layers.Count > 0;

    /// <summary>The instruction whose lines contain <paramref name="line"/>, or <see langword="null"/>.</summary>
    public DockerfileInstruction? InstructionAt(int line)
    {
        foreach (var instruction in _document.Instructions)
        {
            if (instruction.StartLine <= line && line <= instruction.EndLine)
            {
                return instruction;
            }
        }

        return null;
    }

    /// <summary>The layers <paramref name="instruction"/> produced, bottom first; empty when it made none in the image.</summary>
    public IReadOnlyList<LayerDetails> LayersOf(DockerfileInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Keyword == "FROM")
        {
            return instruction.StartLine == _baseFromLine ? _layers.Where(l => l.FromBaseImage).ToList() : [];
        }

        return _layers.Where(l => !l.FromBaseImage && l.Line is { } line && instruction.StartLine <= line && line <= instruction.EndLine).ToList();
    }

    /// <summary>The total size of the layers <paramref name="instruction"/> produced, or <see langword="null"/> when it produced none.</summary>
    public long? SizeOf(DockerfileInstruction instruction)
    {
        var layers = LayersOf(instruction);
        return layers.Count == 0 ? null : layers.Sum(l => l.SizeBytes);
    }

    /// <summary>"layer 4" or "layers 0-5" for the given layers.</summary>
    public static string Describe(IReadOnlyList<LayerDetails> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var indexes = layers.Where(l => !l.EmptyLayer).Select(l => l.Index).ToList();
        if (indexes.Count == 0)
        {
            indexes = layers.Select(l => l.Index).ToList();
        }

        return indexes.Count == 1 ? $"layer {indexes[0]}" : $"layers {indexes.Min()}-{indexes.Max()}";
    }
}
