namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// A small shell reader for RUN instructions: splits a script into simple commands at <c>&amp;&amp;</c>, <c>||</c>,
/// <c>;</c>, <c>|</c>, <c>&amp;</c> and newlines, and each command into words with quotes and backslash escapes removed.
/// It is not a shell: it does not expand variables, and keeps <c>$(...)</c> and backtick substitutions inside one word.
/// </summary>
public static class ShellScript
{
    /// <summary>Splits <paramref name="script"/> into its simple commands, in order. Never throws; unbalanced quotes run to the end.</summary>
    public static IReadOnlyList<ShellCommand> Split(string? script) =>
        string.IsNullOrEmpty(script) ? [] : new ShellScriptReader(script).Read();
}
