using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// Parses Dockerfile text the way BuildKit's Dockerfile frontend reads it: parser directives, line continuations with
/// either escape character, comments inside continuations, here-documents, JSON and shell forms, ARG and ENV
/// substitution, stages and <c>--from</c> references. It never throws: problems come back as
/// <see cref="DockerfileDocument.Errors"/>, each with its line.
/// </summary>
public static class DockerfileParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
        "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    };

    private static readonly Dictionary<string, string[]> AllowedFlags = new(StringComparer.Ordinal)
    {
        ["FROM"] = ["platform"],
        ["RUN"] = ["mount", "network", "security", "device"],
        ["COPY"] = ["from", "chown", "chmod", "link", "parents", "exclude"],
        ["ADD"] = ["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"],
        ["HEALTHCHECK"] = ["interval", "timeout", "start-period", "start-interval", "retries"],
    };

    private static readonly HashSet<string> JsonCapable = new(StringComparer.Ordinal) { "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME" };
    private static readonly HashSet<string> HeredocCapable = new(StringComparer.Ordinal) { "RUN", "COPY", "ADD" };

    /// <summary>Parses <paramref name="text"/> with no build arguments.</summary>
    public static DockerfileDocument Parse(string? text) => Parse(text, null);

    /// <summary>Parses <paramref name="text"/>; <paramref name="buildArgs"/> are the <c>--build-arg</c> values, which override declared ARG defaults.</summary>
    public static DockerfileDocument Parse(string? text, IReadOnlyDictionary<string, string>? buildArgs)
    {
        // Beyond the limits the text is not read at all, so no input can hold the caller for long.
        if (DockerfileLimits.Check(text) is { } refusal)
        {
            return Failed(refusal);
        }

        try
        {
            return new Session(text ?? "", buildArgs).Run();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Failed($"The parser failed unexpectedly ({exception.GetType().Name}); please report this Dockerfile.");
        }
    }

    private static DockerfileDocument Failed(string message) => new()
    {
        Directives = DockerfileDirectives.Default,
        Instructions = [],
        Stages = [],
        GlobalArgs = [],
        Errors = [new DockerfileError(1, message)],
        LineCount = 0,
    };

    private sealed class Session(string text, IReadOnlyDictionary<string, string>? buildArgs)
    {
        private readonly List<DockerfileError> _errors = [];
        private readonly List<DockerfileInstruction> _instructions = [];
        private readonly List<(DockerfileInstruction From, string? Name, string Image, string AsWritten, int? BaseStage, List<DockerfileInstruction> Body, Dictionary<string, string?> Env)> _stages = [];
        private readonly Dictionary<string, string?> _globalArgs = new(StringComparer.Ordinal);
        private readonly List<VariableDefinition> _globalArgList = [];
        private Dictionary<string, string?> _stageArgs = new(StringComparer.Ordinal);
        private Dictionary<string, string?> _stageEnv = new(StringComparer.Ordinal);
        private string[] _lines = [];
        private char _escape = '\\';
        private int _expansionBudget = DockerfileLimits.MaxExpandedChars;

        public DockerfileDocument Run()
        {
            var source = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
            _lines = source.Split('\n');
            for (var k = 0; k < _lines.Length; k++)
            {
                if (_lines[k].EndsWith('\r'))
                {
                    _lines[k] = _lines[k][..^1];
                }
            }

            var lineCount = _lines.Length;
            if (lineCount > 0 && _lines[^1].Length == 0)
            {
                lineCount--;
            }

            var directives = ReadDirectives(lineCount);
            _escape = directives.Escape;

            var i = 0;
            while (i < lineCount)
            {
                var trimmed = _lines[i].AsSpan().TrimStart();
                if (trimmed.IsEmpty || trimmed[0] == '#')
                {
                    i++;
                    continue;
                }

                i = ReadInstruction(i, lineCount) + 1;
            }

            if (_instructions.Count == 0)
            {
                _errors.Add(new DockerfileError(1, "The Dockerfile has no instructions; it needs at least a FROM."));
            }
            else if (_stages.Count == 0)
            {
                _errors.Add(new DockerfileError(_instructions[^1].StartLine, "The Dockerfile has no FROM instruction, so it defines no build stage."));
            }

            var stages = new List<DockerfileStage>(_stages.Count);
            for (var s = 0; s < _stages.Count; s++)
            {
                var stage = _stages[s];
                stages.Add(new DockerfileStage
                {
                    Index = s,
                    Name = stage.Name,
                    BaseImage = stage.Image,
                    BaseImageAsWritten = stage.AsWritten,
                    BaseStageIndex = stage.BaseStage,
                    Platform = stage.From.GetFlag("platform")?.Value,
                    StartLine = stage.From.StartLine,
                    EndLine = stage.Body[^1].EndLine,
                    Instructions = stage.Body,
                });
            }

            _errors.Sort((a, b) => a.Line.CompareTo(b.Line));
            return new DockerfileDocument
            {
                Directives = directives,
                Instructions = _instructions,
                Stages = stages,
                GlobalArgs = _globalArgList,
                Errors = _errors,
                LineCount = lineCount,
            };
        }

        private DockerfileDirectives ReadDirectives(int lineCount)
        {
            string? syntax = null;
            string? check = null;
            var escape = '\\';
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < lineCount; i++)
            {
                var line = _lines[i].AsSpan().Trim();
                if (line.IsEmpty || line[0] != '#')
                {
                    break;
                }

                var body = line[1..].Trim();
                var equals = body.IndexOf('=');
                if (equals <= 0)
                {
                    break;
                }

                var key = body[..equals].Trim().ToString().ToLowerInvariant();
                var value = body[(equals + 1)..].Trim().ToString();
                if (key.Length == 0 || !key.All(char.IsAsciiLetterOrDigit))
                {
                    break;
                }

                if (key is not ("syntax" or "escape" or "check"))
                {
                    break;
                }

                if (!seen.Add(key))
                {
                    _errors.Add(new DockerfileError(i + 1, $"The parser directive '{key}' is given twice; it may appear only once."));
                    continue;
                }

                switch (key)
                {
                    case "syntax":
                        syntax = value;
                        break;
                    case "check":
                        check = value;
                        break;
                    default:
                        if (value is "\\" or "`")
                        {
                            escape = value[0];
                        }
                        else
                        {
                            _errors.Add(new DockerfileError(i + 1, $"The escape directive must be a backslash or a backtick, not '{value}'."));
                        }

                        break;
                }
            }

            return new DockerfileDirectives(syntax, escape, check);
        }

        private bool EndsWithContinuation(string line, out string withoutEscape)
        {
            var trimmed = line.AsSpan().TrimEnd(" \t");
            if (trimmed.Length > 0 && trimmed[^1] == _escape)
            {
                withoutEscape = trimmed[..^1].ToString();
                return true;
            }

            withoutEscape = line;
            return false;
        }

        private int ReadInstruction(int first, int lineCount)
        {
            var logical = new StringBuilder();
            var last = first;
            var current = first;
            while (true)
            {
                if (!EndsWithContinuation(_lines[current], out var part))
                {
                    logical.Append(_lines[current]);
                    last = current;
                    break;
                }

                logical.Append(part);
                last = current;
                var next = current + 1;
                while (next < lineCount && (_lines[next].AsSpan().Trim().IsEmpty || _lines[next].AsSpan().TrimStart()[0] == '#'))
                {
                    next++;
                }

                if (next >= lineCount)
                {
                    break;
                }

                current = next;
            }

            var startLine = first + 1;
            var line = logical.ToString().TrimStart();
            var keywordEnd = 0;
            while (keywordEnd < line.Length && !char.IsWhiteSpace(line[keywordEnd]))
            {
                keywordEnd++;
            }

            var keyword = line[..keywordEnd].ToUpperInvariant();
            var rest = line[keywordEnd..].Trim();
            if (!Keywords.Contains(keyword))
            {
                var shown = keyword.Length > 40 ? keyword[..40] + "..." : keyword;
                _errors.Add(new DockerfileError(startLine, $"'{shown}' is not a Dockerfile instruction."));
                return last;
            }

            var heredocs = new List<Heredoc>();
            var effective = keyword == "ONBUILD" ? FirstWord(rest).ToUpperInvariant() : keyword;
            if (HeredocCapable.Contains(effective))
            {
                last = ReadHeredocs(keyword == "ONBUILD" ? rest[FirstWord(rest).Length..] : rest, startLine, last, lineCount, heredocs);
            }

            var instructionText = string.Join('\n', _lines, first, last - first + 1);
            var stageIndex = _stages.Count - 1;
            var instruction = Build(keyword, rest, startLine, last + 1, instructionText, heredocs, stageIndex, trigger: false);
            if (instruction is null)
            {
                return last;
            }

            if (keyword == "FROM")
            {
                StartStage(instruction);
                instruction = instruction with { StageIndex = _stages.Count - 1 };
                var stage = _stages[^1];
                stage.Body.Add(instruction);
                _stages[^1] = stage with { From = instruction };
            }
            else if (_stages.Count == 0)
            {
                if (keyword != "ARG")
                {
                    _errors.Add(new DockerfileError(startLine, $"{keyword} comes before the first FROM; only ARG instructions may appear there."));
                }
                else
                {
                    foreach (var definition in instruction.Definitions)
                    {
                        _globalArgs[definition.Name] = definition.Value;
                        _globalArgList.Add(definition);
                    }
                }
            }
            else
            {
                _stages[^1].Body.Add(instruction);
                if (keyword == "ARG")
                {
                    foreach (var definition in instruction.Definitions)
                    {
                        _stageArgs[definition.Name] = definition.Value;
                    }
                }
                else if (keyword == "ENV")
                {
                    foreach (var definition in instruction.Definitions)
                    {
                        _stageEnv[definition.Name] = definition.Value;
                    }
                }
            }

            _instructions.Add(instruction);
            return last;
        }

        private static string FirstWord(string text)
        {
            var end = 0;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            return text[..end];
        }

        private int ReadHeredocs(string arguments, int startLine, int last, int lineCount, List<Heredoc> heredocs)
        {
            var trimmed = arguments.TrimStart();
            if (trimmed.StartsWith('[') && TryParseJsonArray(trimmed) is not null)
            {
                return last;
            }

            foreach (var word in DockerfileWords.SplitRaw(arguments, _escape))
            {
                if (word.StartsWith('-') || !TryReadMarker(word, out var delimiter, out var strip, out var quoted))
                {
                    continue;
                }

                var body = new StringBuilder();
                var k = last + 1;
                var closed = false;
                for (; k < lineCount; k++)
                {
                    var bodyLine = strip ? _lines[k].TrimStart('\t') : _lines[k];
                    if (bodyLine == delimiter)
                    {
                        closed = true;
                        break;
                    }

                    body.Append(bodyLine).Append('\n');
                }

                if (!closed)
                {
                    _errors.Add(new DockerfileError(startLine, $"The here-document <<{delimiter} is never closed: no line reads '{delimiter}' before the end of the file."));
                    k = Math.Max(last, lineCount - 1);
                }

                heredocs.Add(new Heredoc(delimiter, body.ToString(), strip, quoted, last + 2, k + 1));
                last = k;
                if (!closed)
                {
                    // The file has ended: further markers on the line have no body to read (one error is enough).
                    break;
                }
            }

            return last;
        }

        private static bool TryReadMarker(string word, out string delimiter, out bool strip, out bool quoted)
        {
            delimiter = "";
            strip = false;
            quoted = false;
            if (!word.StartsWith("<<", StringComparison.Ordinal) || word.StartsWith("<<<", StringComparison.Ordinal))
            {
                return false;
            }

            var rest = word.AsSpan(2);
            if (rest.StartsWith("-"))
            {
                strip = true;
                rest = rest[1..];
            }

            if (rest.Length >= 2 && rest[0] is '"' or '\'' && rest[^1] == rest[0])
            {
                quoted = true;
                rest = rest[1..^1];
            }

            if (rest.IsEmpty)
            {
                return false;
            }

            foreach (var c in rest)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                {
                    return false;
                }
            }

            delimiter = rest.ToString();
            return true;
        }

        private DockerfileInstruction? Build(string keyword, string rest, int startLine, int endLine, string instructionText, List<Heredoc> heredocs, int stageIndex, bool trigger)
        {
            var flags = new List<InstructionFlag>();
            var arguments = rest;
            if (AllowedFlags.TryGetValue(keyword, out var allowed))
            {
                arguments = ReadFlags(keyword, rest, allowed, startLine, flags);
            }

            List<string>? execForm = null;
            if (JsonCapable.Contains(keyword) && arguments.StartsWith('['))
            {
                execForm = TryParseJsonArray(arguments);
            }

            var instruction = new DockerfileInstruction
            {
                Keyword = keyword,
                Text = instructionText,
                StartLine = startLine,
                EndLine = endLine,
                Flags = flags,
                Arguments = arguments,
                ExecForm = execForm,
                Heredocs = heredocs,
                StageIndex = stageIndex,
            };

            if (arguments.Length == 0 && keyword is not ("RUN" or "COPY" or "ADD") || (keyword == "RUN" && arguments.Length == 0 && heredocs.Count == 0))
            {
                _errors.Add(new DockerfileError(startLine, keyword == "FROM" ? "FROM needs a base image, e.g. 'FROM python:3.12-slim'." : $"{keyword} needs at least one argument."));
                return keyword == "FROM" ? instruction : keyword == "ONBUILD" ? null : instruction;
            }

            switch (keyword)
            {
                case "COPY" or "ADD":
                    {
                        var count = execForm?.Count ?? DockerfileWords.SplitRaw(arguments, _escape).Count;
                        if (count < 2)
                        {
                            _errors.Add(new DockerfileError(startLine, $"{keyword} needs at least one source and a destination."));
                        }

                        if (keyword == "COPY" && !trigger)
                        {
                            CheckFromFlag(instruction, stageIndex);
                        }

                        break;
                    }

                case "ARG":
                    instruction = instruction with { Definitions = ReadArgs(arguments, startLine, trigger) };
                    break;
                case "ENV":
                    instruction = instruction with { Definitions = ReadEnv(arguments, startLine) };
                    break;
                case "SHELL" when execForm is null:
                    _errors.Add(new DockerfileError(startLine, "SHELL must use the JSON form, e.g. SHELL [\"/bin/bash\", \"-c\"]."));
                    break;
                case "ONBUILD":
                    {
                        var triggerKeyword = FirstWord(arguments).ToUpperInvariant();
                        var triggerRest = arguments[FirstWord(arguments).Length..].Trim();
                        if (triggerKeyword is "ONBUILD" or "FROM" or "MAINTAINER")
                        {
                            _errors.Add(new DockerfileError(startLine, $"ONBUILD cannot register {triggerKeyword} as a trigger."));
                            return instruction;
                        }

                        if (!Keywords.Contains(triggerKeyword))
                        {
                            _errors.Add(new DockerfileError(startLine, $"ONBUILD names '{triggerKeyword}', which is not a Dockerfile instruction."));
                            return instruction;
                        }

                        var inner = Build(triggerKeyword, triggerRest, startLine, endLine, instructionText, heredocs, stageIndex, trigger: true);
                        instruction = instruction with { Trigger = inner, Heredocs = [] };
                        break;
                    }

                default:
                    break;
            }

            return instruction;
        }

        private string ReadFlags(string keyword, string rest, string[] allowed, int line, List<InstructionFlag> flags)
        {
            var pos = 0;
            while (true)
            {
                while (pos < rest.Length && char.IsWhiteSpace(rest[pos]))
                {
                    pos++;
                }

                if (pos + 2 > rest.Length || rest[pos] != '-' || rest[pos + 1] != '-')
                {
                    break;
                }

                var end = pos;
                char quote = '\0';
                while (end < rest.Length && (quote != '\0' || !char.IsWhiteSpace(rest[end])))
                {
                    if (quote == '\0' && rest[end] is '"' or '\'')
                    {
                        quote = rest[end];
                    }
                    else if (rest[end] == quote)
                    {
                        quote = '\0';
                    }

                    end++;
                }

                var word = rest[(pos + 2)..end];
                pos = end;
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                var name = (equals < 0 ? word : word[..equals]).ToLowerInvariant();
                var value = equals < 0 ? null : DockerfileWords.Unquote(word[(equals + 1)..], _escape);
                if (name.Length == 0)
                {
                    _errors.Add(new DockerfileError(line, $"{keyword} has a flag with no name ('--')."));
                    continue;
                }

                if (Array.IndexOf(allowed, name) < 0)
                {
                    _errors.Add(new DockerfileError(line, $"{keyword} does not accept the flag --{name}."));
                }
                else if (value is null && name is not ("link" or "parents" or "keep-git-dir" or "unpack"))
                {
                    _errors.Add(new DockerfileError(line, $"The flag --{name} of {keyword} needs a value, as in --{name}=value."));
                }

                flags.Add(new InstructionFlag(name, value));
            }

            return rest[pos..].Trim();
        }

        private void CheckFromFlag(DockerfileInstruction instruction, int stageIndex)
        {
            var from = instruction.GetFlag("from")?.Value;
            if (from is null || stageIndex < 0)
            {
                return;
            }

            if (_stages[stageIndex].Name is { } own && string.Equals(own, from, StringComparison.OrdinalIgnoreCase))
            {
                _errors.Add(new DockerfileError(instruction.StartLine, $"COPY --from={from} refers to the stage it is in; it can only copy from an earlier stage."));
            }
            else if (from.Length > 0 && from.All(char.IsAsciiDigit)
                && (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= stageIndex))
            {
                _errors.Add(new DockerfileError(instruction.StartLine, $"COPY --from={from} refers to stage {from}, which does not come before this one (this is stage {stageIndex})."));
            }
        }

        private List<VariableDefinition> ReadArgs(string arguments, int line, bool trigger)
        {
            var definitions = new List<VariableDefinition>();
            foreach (var word in DockerfileWords.SplitRaw(arguments, _escape))
            {
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? word : word[..equals];
                if (!IsValidName(name))
                {
                    _errors.Add(new DockerfileError(line, $"ARG '{Shorten(word)}' does not start with a valid name; use ARG NAME or ARG NAME=default."));
                    continue;
                }

                string? value;
                if (buildArgs is not null && buildArgs.TryGetValue(name, out var given))
                {
                    value = given;
                }
                else if (equals >= 0)
                {
                    value = trigger ? word[(equals + 1)..] : Expand(word[(equals + 1)..], line);
                }
                else if (_stages.Count > 0 && _globalArgs.TryGetValue(name, out var global))
                {
                    value = global;
                }
                else
                {
                    value = null;
                }

                definitions.Add(new VariableDefinition(name, value));
            }

            return definitions;
        }

        private List<VariableDefinition> ReadEnv(string arguments, int line)
        {
            var definitions = new List<VariableDefinition>();
            var words = DockerfileWords.SplitRaw(arguments, _escape);
            if (words.Count == 0)
            {
                return definitions;
            }

            if (!words[0].Contains('=', StringComparison.Ordinal))
            {
                if (words.Count == 1)
                {
                    _errors.Add(new DockerfileError(line, $"ENV {Shorten(words[0])} has no value; use ENV NAME=value."));
                    return definitions;
                }

                var value = arguments[words[0].Length..].Trim();
                definitions.Add(new VariableDefinition(words[0], Expand(value, line)));
                return definitions;
            }

            foreach (var word in words)
            {
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0)
                {
                    _errors.Add(new DockerfileError(line, $"ENV '{Shorten(word)}' has no '='; every pair must read NAME=value."));
                    continue;
                }

                var name = word[..equals];
                if (!IsValidName(name))
                {
                    _errors.Add(new DockerfileError(line, $"ENV '{Shorten(word)}' does not start with a valid variable name."));
                    continue;
                }

                definitions.Add(new VariableDefinition(name, Expand(word[(equals + 1)..], line)));
            }

            return definitions;
        }

        private static string Shorten(string word) => word.Length > 40 ? word[..40] + "..." : word;

        private static bool IsValidName(string name)
        {
            if (name.Length == 0 || char.IsAsciiDigit(name[0]))
            {
                return false;
            }

            foreach (var c in name)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
                {
                    return false;
                }
            }

            return true;
        }

        private string Expand(string word, int line)
        {
            string? error = null;
            var result = ExpandWithinBudget(word, Lookup, ref error);
            if (error is not null)
            {
                _errors.Add(new DockerfileError(line, $"Variable substitution failed: {error}."));
            }

            return result;
        }

        // Every substitution of the document draws on one budget (DockerfileLimits.MaxExpandedChars).
        private string ExpandWithinBudget(string word, Func<string, string?> lookup, ref string? error)
        {
            var result = VariableExpander.Expand(word, lookup, _escape, _expansionBudget, ref error);
            _expansionBudget = Math.Max(0, _expansionBudget - result.Length);
            return result;
        }

        private string? Lookup(string name)
        {
            if (_stages.Count == 0)
            {
                return LookupGlobal(name);
            }

            if (_stageEnv.TryGetValue(name, out var env))
            {
                return env;
            }

            return _stageArgs.TryGetValue(name, out var arg) ? arg : null;
        }

        private string? LookupGlobal(string name) => _globalArgs.TryGetValue(name, out var value) ? value : null;

        private void StartStage(DockerfileInstruction from)
        {
            var line = from.StartLine;
            var words = DockerfileWords.SplitRaw(from.Arguments, _escape);
            string? name = null;
            if (words.Count == 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase))
            {
                name = words[2].ToLowerInvariant();
                if (!IsValidStageName(name))
                {
                    _errors.Add(new DockerfileError(line, $"'{Shorten(words[2])}' is not a valid stage name: use a letter followed by letters, digits, '-', '_' or '.'."));
                    name = null;
                }
                else if (_stages.Any(s => s.Name == name))
                {
                    _errors.Add(new DockerfileError(line, $"The stage name '{name}' is already used by an earlier stage."));
                }
            }
            else if (words.Count == 2 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase))
            {
                _errors.Add(new DockerfileError(line, "FROM ... AS needs a stage name after AS."));
            }
            else if (words.Count > 1)
            {
                _errors.Add(new DockerfileError(line, "FROM takes a base image and optionally 'AS name'; there are extra words."));
            }

            var asWritten = words.Count > 0 ? words[0] : "";
            string? error = null;
            var image = ExpandWithinBudget(asWritten, LookupGlobal, ref error);
            if (error is not null)
            {
                _errors.Add(new DockerfileError(line, $"Variable substitution in FROM failed: {error}."));
            }

            if (asWritten.Length > 0 && image.Length == 0)
            {
                _errors.Add(new DockerfileError(line, $"The base image '{Shorten(asWritten)}' is empty once its ARG values are substituted."));
            }

            int? baseStage = null;
            for (var s = 0; s < _stages.Count; s++)
            {
                if (_stages[s].Name is { } earlier && string.Equals(earlier, image, StringComparison.OrdinalIgnoreCase))
                {
                    baseStage = s;
                }
            }

            _stageArgs = new Dictionary<string, string?>(StringComparer.Ordinal);
            _stageEnv = baseStage is { } parent
                ? new Dictionary<string, string?>(_stages[parent].Env, StringComparer.Ordinal)
                : new Dictionary<string, string?>(StringComparer.Ordinal);
            _stages.Add((from, name, image, asWritten, baseStage, [], _stageEnv));
        }

        private static bool IsValidStageName(string name) =>
            name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');

        private static List<string>? TryParseJsonArray(string text)
        {
            if (!text.TrimEnd().EndsWith(']'))
            {
                return null;
            }

            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }

                var items = new List<string>();
                foreach (var element in json.RootElement.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    items.Add(element.GetString() ?? "");
                }

                return items;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
