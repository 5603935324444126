using System.Globalization;

namespace ImageLab.Core.Dockerfiles.Parsing;

/// <summary>
/// The stages read so far. Each FROM starts one: its name, its base image with the global ARGs substituted, and the
/// earlier stage it builds on; <c>COPY --from</c> is checked against them.
/// </summary>
internal sealed class StageList(ParseErrors errors, VariableScope variables, char escape)
{
    private readonly List<ParsedStage> _stages = [];

    public int Count => _stages.Count;

    /// <summary>The stage being read (the last FROM's).</summary>
    public ParsedStage Current => _stages[^1];

    /// <summary>Starts the stage of <paramref name="from"/>, a FROM instruction.</summary>
    public void Start(DockerfileInstruction from)
    {
        var line = from.StartLine;
        var words = DockerfileWords.SplitRaw(from.Arguments, escape);
        var name = ReadName(words, line);
        var asWritten = words.Count > 0 ? words[0] : "";
        string? error = null;
        var image = variables.ExpandGlobal(asWritten, ref error);
        if (error is not null)
        {
            errors.Add(line, $"Variable substitution in FROM failed: {error}.");
        }

        if (asWritten.Length > 0 && image.Length == 0)
        {
            errors.Add(line, $"The base image '{DockerfileWords.Shorten(asWritten)}' is empty once its ARG values are substituted.");
        }

        var baseStage = _stages.FindLastIndex(s => s.Name is { } earlier && string.Equals(earlier, image, StringComparison.OrdinalIgnoreCase));
        var env = variables.EnterStage(baseStage >= 0 ? _stages[baseStage] : null);
        _stages.Add(new ParsedStage(from, name, image, asWritten, baseStage >= 0 ? baseStage : null, env));
    }

    /// <summary>Checks that <c>COPY --from</c> of an instruction in stage <paramref name="stageIndex"/> names an earlier stage when it names one at all.</summary>
    public void CheckCopyFrom(DockerfileInstruction copy, int stageIndex)
    {
        var from = copy.GetFlag("from")?.Value;
        if (from is null || stageIndex < 0)
        {
            return;
        }

        if (_stages[stageIndex].Name is { } own && string.Equals(own, from, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(copy.StartLine, $"COPY --from={from} refers to the stage it is in; it can only copy from an earlier stage.");
        }
        else if (from.Length > 0 && from.All(char.IsAsciiDigit)
            && (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= stageIndex))
        {
            errors.Add(copy.StartLine, $"COPY --from={from} refers to stage {from}, which does not come before this one (this is stage {stageIndex}).");
        }
    }

    /// <summary>The document's stages, in order.</summary>
    public List<DockerfileStage> ToStages() => [.. _stages.Select((stage, index) => stage.ToStage(index))];

    // FROM image [AS name]: the name lower-cased, or null when there is none or it is not valid.
    private string? ReadName(List<string> words, int line)
    {
        if (words.Count == 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase))
        {
            var name = words[2].ToLowerInvariant();
            if (!IsValidStageName(name))
            {
                errors.Add(line, $"'{DockerfileWords.Shorten(words[2])}' is not a valid stage name: use a letter followed by letters, digits, '-', '_' or '.'.");
                return null;
            }

            if (_stages.Any(s => s.Name == name))
            {
                errors.Add(line, $"The stage name '{name}' is already used by an earlier stage.");
            }

            return name;
        }

        if (words.Count == 2 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(line, "FROM ... AS needs a stage name after AS.");
        }
        else if (words.Count > 1)
        {
            errors.Add(line, "FROM takes a base image and optionally 'AS name'; there are extra words.");
        }

        return null;
    }

    private static bool IsValidStageName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');
}
