namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>
/// What a rule sees: the parsed Dockerfile, the advisor's options, which stages end up in the image, and the shell
/// commands of every RUN instruction (read once and shared by all rules).
/// </summary>
public sealed class DockerfileRuleContext
{
    private readonly Dictionary<DockerfileInstruction, IReadOnlyList<ShellCommand>> _commands = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<int> _finalImageStages = [];
    // Per stage, each variable's definitions in line order, so a question costs a binary search, not a walk of the stage.
    private Dictionary<string, List<(int Line, string? Value)>>[]? _definitions;
    private Dictionary<string, string?>[]? _environmentAtEnd;

    /// <summary>Prepares the context for <paramref name="document"/>.</summary>
    public DockerfileRuleContext(DockerfileDocument document, DockerfileAdvisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        Options = options ?? new DockerfileAdvisorOptions();
        TargetStage = Options.Target is { Length: > 0 } target ? document.FindStage(target) ?? document.FinalStage : document.FinalStage;
        for (var stage = TargetStage; stage is not null; stage = stage.BaseStageIndex is { } parent ? document.Stages[parent] : null)
        {
            if (!_finalImageStages.Add(stage.Index))
            {
                break;
            }
        }
    }

    /// <summary>The parsed Dockerfile.</summary>
    public DockerfileDocument Document { get; }

    /// <summary>The advisor's options.</summary>
    public DockerfileAdvisorOptions Options { get; }

    /// <summary>The stage the build produces: the <c>--target</c> stage, or the last one.</summary>
    public DockerfileStage? TargetStage { get; }

    /// <summary>Whether the build has a single stage.</summary>
    public bool IsSingleStage => Document.Stages.Count == 1;

    /// <summary>Whether the stage's layers end up in the image: the target stage and the stages it is based on (<c>FROM builder</c>).</summary>
    public bool IsInFinalImage(int stageIndex) => _finalImageStages.Contains(stageIndex);

    /// <summary>The stages whose layers end up in the image, in file order.</summary>
    public IEnumerable<DockerfileStage> FinalImageStages => Document.Stages.Where(s => _finalImageStages.Contains(s.Index));

    /// <summary>Every instruction of every stage with the given keyword, in file order (ONBUILD triggers excluded).</summary>
    public IEnumerable<DockerfileInstruction> InstructionsOf(string keyword) =>
        Document.Stages.SelectMany(s => s.Instructions).Where(i => i.Keyword == keyword);

    /// <summary>
    /// <paramref name="severity"/> for an instruction whose stage is in the final image, <see cref="FindingSeverity.Info"/>
    /// otherwise: waste in a discarded builder stage only slows the build.
    /// </summary>
    public FindingSeverity SeverityFor(DockerfileInstruction instruction, FindingSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return IsInFinalImage(instruction.StageIndex) ? severity : FindingSeverity.Info;
    }

    /// <summary>A sentence to append to a message about a stage that is not in the final image; empty otherwise.</summary>
    public string StageNote(DockerfileInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (IsInFinalImage(instruction.StageIndex) || instruction.StageIndex < 0)
        {
            return "";
        }

        return $" (Stage '{Document.Stages[instruction.StageIndex].DisplayName}' is not part of the final image, so this only costs build time and cache space.)";
    }

    /// <summary>
    /// The simple commands a RUN instruction runs: its shell form, the script of <c>["sh", "-c", "..."]</c>, and
    /// here-document bodies fed to a shell (<c>RUN &lt;&lt;EOF</c>). Empty for other instructions.
    /// </summary>
    public IReadOnlyList<ShellCommand> GetCommands(DockerfileInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Keyword != "RUN")
        {
            return [];
        }

        if (!_commands.TryGetValue(instruction, out var commands))
        {
            commands = ReadCommands(instruction);
            _commands[instruction] = commands;
        }

        return commands;
    }

    /// <summary>Whether the RUN has a BuildKit cache mount (<c>--mount=type=cache</c>) whose target is, or contains, one of <paramref name="paths"/>.</summary>
    public static bool HasCacheMount(DockerfileInstruction instruction, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var flag in instruction.Flags)
        {
            if (flag.Name != "mount" || flag.Value is null)
            {
                continue;
            }

            string? type = null;
            string? target = null;
            foreach (var part in flag.Value.Split(','))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var key = (equals < 0 ? part : part[..equals]).Trim().ToLowerInvariant();
                var value = equals < 0 ? "" : part[(equals + 1)..].Trim().Trim('"', '\'');
                if (key == "type")
                {
                    type = value;
                }
                else if (key is "target" or "dst" or "destination")
                {
                    target = value.TrimEnd('/');
                }
            }

            if (type == "cache" && target is { Length: > 0 }
                && paths.Any(p => p == target || p.StartsWith(target + "/", StringComparison.Ordinal) || target.StartsWith(p + "/", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an ENV (or an ARG with a value) before <paramref name="instruction"/>, in its stage or the stages it is
    /// based on, sets <paramref name="name"/> to a value that is not empty, <c>0</c>, <c>false</c> or <c>off</c>.
    /// </summary>
    public bool IsVariableSet(DockerfileInstruction instruction, string name)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var stageIndex = instruction.StageIndex;
        if (stageIndex < 0 || stageIndex >= Document.Stages.Count)
        {
            return false;
        }

        EnsureVariables();
        string? value = null;
        var found = false;
        if (_definitions![stageIndex].TryGetValue(name, out var definitions))
        {
            // The last definition on a line before the instruction's.
            int low = 0, high = definitions.Count - 1, last = -1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                if (definitions[middle].Line < instruction.StartLine)
                {
                    last = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            if (last >= 0)
            {
                value = definitions[last].Value;
                found = true;
            }
        }

        if (!found && Document.Stages[stageIndex].BaseStageIndex is { } parent)
        {
            found = _environmentAtEnd![parent].TryGetValue(name, out value);
        }

        return found && IsTruthy(value);
    }

    /// <summary>Whether a command's own <c>NAME=value</c> prefix, or the stage's environment, sets <paramref name="name"/>.</summary>
    public bool IsVariableSet(DockerfileInstruction instruction, ShellCommand command, string name)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var assignment in command.Assignments)
        {
            if (assignment.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return IsTruthy(assignment[(name.Length + 1)..]);
            }
        }

        return IsVariableSet(instruction, name);
    }

    private void EnsureVariables()
    {
        if (_definitions is not null)
        {
            return;
        }

        var stages = Document.Stages;
        var definitions = new Dictionary<string, List<(int Line, string? Value)>>[stages.Count];
        var environment = new Dictionary<string, string?>[stages.Count];
        for (var s = 0; s < stages.Count; s++)
        {
            definitions[s] = new Dictionary<string, List<(int Line, string? Value)>>(StringComparer.Ordinal);
            environment[s] = stages[s].BaseStageIndex is { } parent && parent < s
                ? new Dictionary<string, string?>(environment[parent], StringComparer.Ordinal)
                : new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var instruction in stages[s].Instructions)
            {
                if (instruction.Keyword is not ("ENV" or "ARG"))
                {
                    continue;
                }

                foreach (var definition in instruction.Definitions)
                {
                    (definitions[s].TryGetValue(definition.Name, out var list) ? list : definitions[s][definition.Name] = []).Add((instruction.StartLine, definition.Value));
                    if (instruction.Keyword == "ENV")
                    {
                        environment[s][definition.Name] = definition.Value;
                    }
                }
            }
        }

        _environmentAtEnd = environment;
        _definitions = definitions;
    }

    private static bool IsTruthy(string? value) =>
        !string.IsNullOrEmpty(value) && value is not ("0" or "false" or "False" or "FALSE" or "off" or "no");

    private static IReadOnlyList<ShellCommand> ReadCommands(DockerfileInstruction instruction)
    {
        if (instruction.ExecForm is { Count: > 0 } exec)
        {
            if (exec.Count >= 3 && IsShell(exec[0]) && exec[1] is "-c" or "-ec" or "-exc" or "-xc")
            {
                return ShellScript.Split(exec[2]);
            }

            return [new ShellCommand(exec, "")];
        }

        var script = instruction.Arguments;
        if (instruction.Heredocs.Count == 0)
        {
            return ShellScript.Split(script);
        }

        var outer = ShellScript.Split(script)
            .Select(c => new ShellCommand(c.Words.Where(w => !w.StartsWith("<<", StringComparison.Ordinal)).ToList(), c.Separator))
            .Where(c => c.Words.Count > 0)
            .ToList();
        var fedToShell = outer.Count == 0 || (outer.Count == 1 && outer[0].Name is { } name && IsShell(name) && !outer[0].Operands.Any());
        if (!fedToShell)
        {
            return outer;
        }

        var commands = new List<ShellCommand>();
        foreach (var heredoc in instruction.Heredocs)
        {
            commands.AddRange(ShellScript.Split(heredoc.Body));
        }

        return commands;
    }

    private static bool IsShell(string program)
    {
        var name = program[(program.LastIndexOf('/') + 1)..];
        return name is "sh" or "bash" or "ash" or "dash" or "zsh" or "busybox";
    }
}
