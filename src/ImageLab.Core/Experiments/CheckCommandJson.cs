using System.Text.Json;

namespace ImageLab.Core.Experiments;

/// <summary>
/// Reads a check command from JSON: the <c>check</c> field of a submission (<c>{"command": ["hello"], "expect": "Hello"}</c>)
/// or the <c>check</c> section of the project's <c>imagelab.json</c> in the build context. Hostile input: the text is
/// bounded before it is parsed and the command is held to <see cref="SubmissionRules.CheckProblem"/>.
/// </summary>
public static class CheckCommandJson
{
    /// <summary>The project file ImageLab reads from the build context's root.</summary>
    public const string ProjectFileName = "imagelab.json";

    /// <summary>The largest project file or check field read, in bytes of UTF-16 text.</summary>
    public const int MaxJsonLength = 64 * 1024;

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 };

    /// <summary>The check of a submission's <c>check</c> field; null when the field is empty.</summary>
    /// <exception cref="SubmissionRejectedException">The field is not a valid check (the message says why).</exception>
    public static CheckCommand? ReadField(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var document = Parse(json, "The 'check' field");
        return ReadCheck(document.RootElement, "The 'check' field");
    }

    /// <summary>The <c>check</c> section of an <c>imagelab.json</c>; null when it has none.</summary>
    /// <exception cref="SubmissionRejectedException">The file or its section is not valid (the message says why).</exception>
    public static CheckCommand? ReadProjectFile(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        const string source = $"The build context's {ProjectFileName}";
        using var document = Parse(json, source);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new SubmissionRejectedException($"{source} must be a JSON object.");
        }

        return document.RootElement.TryGetProperty("check", out var check) && check.ValueKind != JsonValueKind.Null
            ? ReadCheck(check, $"{source}'s 'check'")
            : null;
    }

    private static JsonDocument Parse(string json, string source)
    {
        if (json.Length > MaxJsonLength)
        {
            throw new SubmissionRejectedException($"{source} is {json.Length} characters long; at most {MaxJsonLength} are read.");
        }

        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new SubmissionRejectedException($"{source} is not valid JSON: {e.Message}", e);
        }
    }

    private static CheckCommand ReadCheck(JsonElement check, string source)
    {
        if (check.ValueKind != JsonValueKind.Object || !check.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.Array)
        {
            throw new SubmissionRejectedException(
                $"{source} needs a 'command' array of words, such as {{\"command\": [\"python3\", \"-c\", \"import app\"], \"expect\": \"ok\"}}.");
        }

        var words = new List<string>();
        foreach (var word in command.EnumerateArray())
        {
            if (word.ValueKind != JsonValueKind.String)
            {
                throw new SubmissionRejectedException($"{source}: every word of 'command' is a string.");
            }

            words.Add(word.GetString()!);
        }

        string? expect = null;
        if (check.TryGetProperty("expect", out var expected) && expected.ValueKind != JsonValueKind.Null)
        {
            expect = expected.ValueKind == JsonValueKind.String
                ? expected.GetString()
                : throw new SubmissionRejectedException($"{source}: 'expect' is the text the output must contain, a string.");
        }

        var result = new CheckCommand(words, string.IsNullOrEmpty(expect) ? null : expect);
        return SubmissionRules.CheckProblem(result) is { } problem ? throw new SubmissionRejectedException($"{source}: {problem}") : result;
    }
}
