namespace ImageLab.Core.Dockerfiles.Parsing;

/// <summary>
/// The ARG and ENV values that substitutions see: before the first FROM the global ARGs; in a stage its own ARGs and its
/// ENV (a copy of its base stage's). Every substitution of the document draws on one budget
/// (<see cref="DockerfileLimits.MaxExpandedChars"/>).
/// </summary>
internal sealed class VariableScope(IReadOnlyDictionary<string, string>? buildArgs, char escape)
{
    private readonly Dictionary<string, string?> _globalArgs = new(StringComparer.Ordinal);
    private readonly List<VariableDefinition> _globalArgList = [];
    private Dictionary<string, string?>? _stageArgs;
    private Dictionary<string, string?> _stageEnv = new(StringComparer.Ordinal);
    private int _expansionBudget = DockerfileLimits.MaxExpandedChars;

    /// <summary>The ARGs declared before the first FROM, in order.</summary>
    public IReadOnlyList<VariableDefinition> GlobalArgs => _globalArgList;

    /// <summary>Whether a stage has started (a FROM has been read).</summary>
    private bool InStage => _stageArgs is not null;

    /// <summary>The <c>--build-arg</c> value of <paramref name="name"/>, which overrides any default, or <see langword="null"/>.</summary>
    public string? BuildArg(string name) => buildArgs is not null && buildArgs.TryGetValue(name, out var given) ? given : null;

    /// <summary>In a stage, the value of the global ARG that a bare <c>ARG name</c> brings in.</summary>
    public bool TryGetGlobalArg(string name, out string? value)
    {
        value = null;
        return InStage && _globalArgs.TryGetValue(name, out value);
    }

    /// <summary>Records ARG values: global ones before the first FROM, the stage's after it.</summary>
    public void DeclareArgs(IEnumerable<VariableDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (_stageArgs is null)
            {
                _globalArgs[definition.Name] = definition.Value;
                _globalArgList.Add(definition);
            }
            else
            {
                _stageArgs[definition.Name] = definition.Value;
            }
        }
    }

    /// <summary>Records ENV values of the current stage.</summary>
    public void DeclareEnv(IEnumerable<VariableDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            _stageEnv[definition.Name] = definition.Value;
        }
    }

    /// <summary>Starts a stage: no ARGs of its own yet, the ENV of its base stage; returns the ENV it will fill.</summary>
    public Dictionary<string, string?> EnterStage(ParsedStage? baseStage)
    {
        _stageArgs = new Dictionary<string, string?>(StringComparer.Ordinal);
        _stageEnv = baseStage is null
            ? new Dictionary<string, string?>(StringComparer.Ordinal)
            : new Dictionary<string, string?>(baseStage.Env, StringComparer.Ordinal);
        return _stageEnv;
    }

    /// <summary>Substitutes what an ARG or ENV value sees: the stage's ENV, then its ARGs (the global ARGs before the first FROM).</summary>
    public string Expand(string word, ref string? error) => ExpandWithinBudget(word, Lookup, ref error);

    /// <summary>Substitutes what a FROM sees: the global ARGs only.</summary>
    public string ExpandGlobal(string word, ref string? error) => ExpandWithinBudget(word, LookupGlobal, ref error);

    private string ExpandWithinBudget(string word, Func<string, string?> lookup, ref string? error)
    {
        var result = VariableExpander.Expand(word, lookup, escape, _expansionBudget, ref error);
        _expansionBudget = Math.Max(0, _expansionBudget - result.Length);
        return result;
    }

    private string? Lookup(string name)
    {
        if (_stageArgs is null)
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
}
