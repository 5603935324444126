namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>A package manager's cache or index: where it lives, which commands leave it behind and which remove it.</summary>
internal sealed class CacheKind(
    string description,
    string[] paths,
    string? disablingVariable,
    Func<ShellCommand, bool> creates,
    Func<ShellCommand, bool> cleans)
{
    public string Description => description;

    public IReadOnlyList<string> Paths => paths;

    /// <summary>Whether the command, as written, would leave this cache in the layer (its no-cache option is absent).</summary>
    public bool Creates(ShellCommand command) => creates(command);

    /// <summary>Whether the command would leave the cache, given the stage's environment and the RUN's cache mounts.</summary>
    public bool LeavesCache(DockerfileRuleContext context, DockerfileInstruction instruction, ShellCommand command) =>
        creates(command)
        && !DockerfileRuleContext.HasCacheMount(instruction, paths)
        && (disablingVariable is null || !context.IsVariableSet(instruction, command, disablingVariable));

    /// <summary>Whether the command removes this cache: its own clean command or an <c>rm</c> of one of its paths.</summary>
    public bool Cleans(ShellCommand command) => cleans(command) || RemovesPath(command, paths);

    /// <summary>The first command of the RUN that leaves this cache behind, or <see langword="null"/>.</summary>
    public ShellCommand? FindCreator(DockerfileRuleContext context, DockerfileInstruction instruction) =>
        context.GetCommands(instruction).FirstOrDefault(c => LeavesCache(context, instruction, c));

    /// <summary>Whether some command of the RUN removes this cache.</summary>
    public bool IsCleanedIn(DockerfileRuleContext context, DockerfileInstruction instruction) =>
        context.GetCommands(instruction).Any(Cleans);

    internal static bool RemovesPath(ShellCommand command, IReadOnlyList<string> paths)
    {
        if (!command.Is("rm"))
        {
            return false;
        }

        foreach (var operand in command.Operands)
        {
            var target = NormalizeRemoved(operand);
            if (target.Length == 0)
            {
                continue;
            }

            foreach (var path in paths)
            {
                if (path == target || path.StartsWith(target + "/", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string NormalizeRemoved(string operand)
    {
        var target = operand;
        foreach (var home in (ReadOnlySpan<string>)["$HOME", "${HOME}", "~"])
        {
            if (target.StartsWith(home, StringComparison.Ordinal))
            {
                target = "/root" + target[home.Length..];
                break;
            }
        }

        while (target.EndsWith("/*", StringComparison.Ordinal) || target.EndsWith("/.", StringComparison.Ordinal))
        {
            target = target[..^2];
        }

        return target.TrimEnd('/', '*');
    }
}
