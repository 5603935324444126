namespace ImageLab.Core.Anatomy;

/// <summary>
/// apt's <c>/var/lib/apt/extended_states</c>: which packages apt installed automatically (as a dependency or a
/// recommendation) rather than because someone asked for them.
/// </summary>
public static class AptExtendedStates
{
    public const string Path = "/var/lib/apt/extended_states";

    public static IReadOnlySet<string> AutoInstalled(string text) =>
        ControlParagraphs.Read(text)
            .Where(fields => fields.GetValueOrDefault("Auto-Installed") == "1" && fields.ContainsKey("Package"))
            .Select(fields => fields["Package"])
            .ToHashSet(StringComparer.Ordinal);
}
