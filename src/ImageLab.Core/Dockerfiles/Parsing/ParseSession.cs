namespace ImageLab.Core.Dockerfiles.Parsing;

/// <summary>
/// One parse of one Dockerfile: reads the directives, then instruction by instruction (continuations, here-documents,
/// flags, forms) and places each in the document and its stage. Its parts: <see cref="DockerfileLines"/> (the text's
/// lines), <see cref="ArgumentReader"/> (flags, ARG, ENV), <see cref="VariableScope"/> (what substitutions see) and
/// <see cref="StageList"/> (the stages).
/// </summary>
internal sealed class ParseSession
{
    private readonly DockerfileLines _lines;
    private readonly ParseErrors _errors = new();
    private readonly DockerfileDirectives _directives;
    private readonly char _escape;
    private readonly VariableScope _variables;
    private readonly StageList _stages;
    private readonly ArgumentReader _arguments;
    private readonly List<DockerfileInstruction> _instructions = [];

    public ParseSession(string text, IReadOnlyDictionary<string, string>? buildArgs)
    {
        _lines = new DockerfileLines(text);
        _directives = _lines.ReadDirectives(_errors);
        _escape = _directives.Escape;
        _variables = new VariableScope(buildArgs, _escape);
        _stages = new StageList(_errors, _variables, _escape);
        _arguments = new ArgumentReader(_errors, _variables, _escape);
    }

    public DockerfileDocument Run()
    {
        var i = 0;
        while (i < _lines.Count)
        {
            i = _lines.IsBlankOrComment(i) ? i + 1 : ReadInstruction(i) + 1;
        }

        if (_instructions.Count == 0)
        {
            _errors.Add(1, "The Dockerfile has no instructions; it needs at least a FROM.");
        }
        else if (_stages.Count == 0)
        {
            _errors.Add(_instructions[^1].StartLine, "The Dockerfile has no FROM instruction, so it defines no build stage.");
        }

        var stages = _stages.ToStages();
        return new DockerfileDocument
        {
            Directives = _directives,
            Instructions = _instructions,
            Stages = stages,
            GlobalArgs = _variables.GlobalArgs,
            Errors = _errors.InLineOrder(),
            LineCount = _lines.Count,
        };
    }

    // Reads the instruction that starts on the 0-based line `first` and returns its last line.
    private int ReadInstruction(int first)
    {
        var line = _lines.JoinContinuations(first, _escape, out var last).TrimStart();
        var startLine = first + 1;
        var word = DockerfileWords.First(line);
        var keyword = word.ToUpperInvariant();
        var rest = line[word.Length..].Trim();
        if (!DockerfileKeywords.IsInstruction(keyword))
        {
            _errors.Add(startLine, $"'{DockerfileWords.Shorten(keyword)}' is not a Dockerfile instruction.");
            return last;
        }

        var heredocs = new List<Heredoc>();
        var trigger = keyword == "ONBUILD" ? DockerfileWords.First(rest) : null;
        if (DockerfileKeywords.TakesHeredocs(trigger?.ToUpperInvariant() ?? keyword))
        {
            last = _lines.ReadHeredocs(trigger is null ? rest : rest[trigger.Length..], startLine, last, _escape, heredocs, _errors);
        }

        var instruction = Build(keyword, rest, startLine, last + 1, _lines.Text(first, last), heredocs, _stages.Count - 1, trigger: false);
        if (instruction is not null)
        {
            Place(instruction);
        }

        return last;
    }

    // Adds the instruction to the document and to its stage: a FROM starts one; before the first FROM only ARGs may stand.
    private void Place(DockerfileInstruction instruction)
    {
        var keyword = instruction.Keyword;
        if (keyword == "FROM")
        {
            instruction = instruction with { StageIndex = _stages.Count };
            _stages.Start(instruction);
        }
        else if (_stages.Count == 0)
        {
            if (keyword != "ARG")
            {
                _errors.Add(instruction.StartLine, $"{keyword} comes before the first FROM; only ARG instructions may appear there.");
            }
            else
            {
                _variables.DeclareArgs(instruction.Definitions);
            }
        }
        else
        {
            _stages.Current.Body.Add(instruction);
            if (keyword == "ARG")
            {
                _variables.DeclareArgs(instruction.Definitions);
            }
            else if (keyword == "ENV")
            {
                _variables.DeclareEnv(instruction.Definitions);
            }
        }

        _instructions.Add(instruction);
    }

    // The instruction with its flags, form and definitions; null for an ONBUILD without a trigger, which is left out.
    private DockerfileInstruction? Build(
        string keyword, string rest, int startLine, int endLine, string text, IReadOnlyList<Heredoc> heredocs, int stageIndex, bool trigger)
    {
        var flags = new List<InstructionFlag>();
        var arguments = DockerfileKeywords.AllowedFlags(keyword) is { } allowed
            ? _arguments.ReadFlags(keyword, rest, allowed, startLine, flags)
            : rest;
        var instruction = new DockerfileInstruction
        {
            Keyword = keyword,
            Text = text,
            StartLine = startLine,
            EndLine = endLine,
            Flags = flags,
            Arguments = arguments,
            ExecForm = DockerfileKeywords.TakesJsonForm(keyword) && arguments.StartsWith('[') ? JsonArrayForm.TryParse(arguments) : null,
            Heredocs = heredocs,
            StageIndex = stageIndex,
        };

        // COPY and ADD without arguments are told that they need a source and a destination, below.
        if (arguments.Length == 0 && (keyword is not ("RUN" or "COPY" or "ADD") || (keyword == "RUN" && heredocs.Count == 0)))
        {
            _errors.Add(startLine, keyword == "FROM" ? "FROM needs a base image, e.g. 'FROM python:3.12-slim'." : $"{keyword} needs at least one argument.");
            return keyword == "ONBUILD" ? null : instruction;
        }

        switch (keyword)
        {
            case "COPY" or "ADD":
                CheckSources(instruction, stageIndex, trigger);
                return instruction;
            case "ARG":
                return instruction with { Definitions = _arguments.ReadArgs(arguments, startLine, trigger) };
            case "ENV":
                return instruction with { Definitions = _arguments.ReadEnv(arguments, startLine) };
            case "SHELL" when instruction.ExecForm is null:
                _errors.Add(startLine, "SHELL must use the JSON form, e.g. SHELL [\"/bin/bash\", \"-c\"].");
                return instruction;
            case "ONBUILD":
                return WithTrigger(instruction, stageIndex);
            default:
                return instruction;
        }
    }

    private void CheckSources(DockerfileInstruction instruction, int stageIndex, bool trigger)
    {
        var count = instruction.ExecForm?.Count ?? DockerfileWords.SplitRaw(instruction.Arguments, _escape).Count;
        if (count < 2)
        {
            _errors.Add(instruction.StartLine, $"{instruction.Keyword} needs at least one source and a destination.");
        }

        // A trigger's --from names a stage of the image that uses it, not of this Dockerfile.
        if (instruction.Keyword == "COPY" && !trigger)
        {
            _stages.CheckCopyFrom(instruction, stageIndex);
        }
    }

    // ONBUILD's trigger, built as an instruction of its own; the here-documents belong to the trigger.
    private DockerfileInstruction WithTrigger(DockerfileInstruction onbuild, int stageIndex)
    {
        var word = DockerfileWords.First(onbuild.Arguments);
        var keyword = word.ToUpperInvariant();
        if (keyword is "ONBUILD" or "FROM" or "MAINTAINER")
        {
            _errors.Add(onbuild.StartLine, $"ONBUILD cannot register {keyword} as a trigger.");
            return onbuild;
        }

        if (!DockerfileKeywords.IsInstruction(keyword))
        {
            _errors.Add(onbuild.StartLine, $"ONBUILD names '{keyword}', which is not a Dockerfile instruction.");
            return onbuild;
        }

        var trigger = Build(keyword, onbuild.Arguments[word.Length..].Trim(), onbuild.StartLine, onbuild.EndLine, onbuild.Text, onbuild.Heredocs, stageIndex, trigger: true);
        return onbuild with { Trigger = trigger, Heredocs = [] };
    }
}
