namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// A small shell reader for RUN instructions: splits a script into simple commands at <c>&amp;&amp;</c>, <c>||</c>,
/// <c>;</c>, <c>|</c>, <c>&amp;</c> and newlines, and each command into words with quotes and backslash escapes removed.
/// It is not a shell: it does not expand variables, and keeps <c>$(...)</c> and backtick substitutions inside one word.
/// </summary>
public static class ShellScript
{
    /// <summary>
    /// Splits <paramref name="script"/> into its simple commands, in order, at most
    /// <see cref="DockerfileLimits.MaxShellCommands"/> of them (the rest of the script is not read). Never throws;
    /// unbalanced quotes run to the end.
    /// </summary>
    public static IReadOnlyList<ShellCommand> Split(string? script) =>
        string.IsNullOrEmpty(script) ? [] : new ShellScriptReader(script, DockerfileLimits.MaxShellCommands).Read();

    /// <summary>Whether <paramref name="commands"/>, as <see cref="Split"/> returned them, stop at the limit and so may leave some of the script unread.</summary>
    public static bool IsCut(IReadOnlyList<ShellCommand> commands) =>
        (commands ?? throw new ArgumentNullException(nameof(commands))).Count >= DockerfileLimits.MaxShellCommands;
}
