using System.Text.RegularExpressions;
using ImageLab.Core.Formatting;

namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>
/// IL005: a large context file (from 100 MB, typically model weights) is copied into the final image instead of being
/// mounted as a volume at run time. With the context's file list it names the files and sizes; without it, a COPY
/// whose source looks like model weights (<c>*.bin</c>, <c>*.safetensors</c>, <c>models/</c>...) is reported as info.
/// </summary>
public sealed class LargeContextFileCopiedRule : IDockerfileRule
{
    private static readonly string[] WeightExtensions = [".bin", ".pt", ".pth", ".safetensors", ".onnx", ".gguf", ".ckpt", ".h5", ".tflite", ".pkl", ".joblib", ".npz"];
    private static readonly string[] WeightFolders = ["models", "model", "weights", "checkpoints"];

    /// <inheritdoc/>
    public string Id => "IL005";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Options.ContextFiles?.Select(f => (Path: CopyArguments.Normalize(f.Path), f.SizeBytes)).ToList();
        var compiled = new Dictionary<string, Regex?>(StringComparer.Ordinal);
        foreach (var stage in context.FinalImageStages)
        {
            foreach (var copy in stage.Instructions.Where(i => i.Keyword is "COPY" or "ADD" && i.GetFlag("from") is null))
            {
                var (sources, destination) = CopyArguments.Read(copy, context.Document.Directives.Escape);
                var taken = files is null ? null : new CopySourceMatcher(sources, compiled);
                var finding = taken is null ? null : FromContext(context, copy, taken, files!);
                if (finding is not null)
                {
                    yield return finding;
                    continue;
                }

                var matched = taken is null || !files!.Any(f => taken.Matches(f.Path));
                var named = sources.FirstOrDefault(LooksLikeWeights);
                if (matched && named is not null)
                {
                    yield return new Finding(
                        Id,
                        FindingSeverity.Info,
                        copy.StartLine,
                        $"{copy.Keyword} on line {copy.StartLine} copies '{named}', which looks like model weights, into the image; weights are often gigabytes and then travel with every push and pull.",
                        $"Leave the weights out of the image (list them in .dockerignore) and mount them at run time, e.g. docker run -v ./models:{destination ?? "/app/models"} ...",
                        FindingCategories.Context);
                }
            }
        }
    }

    private static Finding? FromContext(DockerfileRuleContext context, DockerfileInstruction copy, CopySourceMatcher taken, List<(string Path, long SizeBytes)> files)
    {
        var threshold = context.Options.LargeFileThresholdBytes;
        var large = files
            .Where(f => f.SizeBytes >= threshold && taken.Matches(f.Path))
            .OrderByDescending(f => f.SizeBytes)
            .ToList();
        if (large.Count == 0)
        {
            return null;
        }

        var shown = string.Join(", ", large.Take(3).Select(f => $"{f.Path} ({ByteSize.Format(f.SizeBytes)})"));
        var more = large.Count > 3 ? $" and {large.Count - 3} more" : "";
        return new Finding(
            "IL005",
            FindingSeverity.Warning,
            copy.StartLine,
            $"{copy.Keyword} on line {copy.StartLine} puts {shown}{more} from the build context into the image: {ByteSize.Format(large.Sum(f => f.SizeBytes))} that every push, pull and rebuild carries.",
            "Exclude large files such as model weights with .dockerignore and mount them as a volume at run time (docker run -v ./models:/app/models ...), or download them when the container starts.",
            FindingCategories.Context);
    }

    /// <summary>Whether a context file looks like model weights: a weights extension, or under a <c>models/</c>-like folder.</summary>
    internal static bool IsWeightsFile(string path)
    {
        var folders = CopyArguments.Normalize(path).ToLowerInvariant().Split('/')[..^1];
        return LooksLikeWeights(path) || folders.Any(WeightFolders.Contains);
    }

    private static bool LooksLikeWeights(string source)
    {
        var path = CopyArguments.Normalize(source).ToLowerInvariant();
        var name = path[(path.LastIndexOf('/') + 1)..];
        return WeightExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)) || WeightFolders.Contains(name);
    }
}
