namespace ImageLab.Web.Hosting;

/// <summary>The <c>Suggestions</c> section: what a suggested Dockerfile may use beyond what the engine holds.</summary>
public sealed class SuggestionOptions
{
    public const string SectionName = "Suggestions";

    /// <summary>
    /// Base images (<c>name:tag</c>) a suggestion may switch the final stage to although the engine does not hold them
    /// (it pulls them when the experiment has network); by default only images on the engine are suggested.
    /// </summary>
    public IReadOnlyList<string> AllowedBaseImages { get; set; } = [];
}
