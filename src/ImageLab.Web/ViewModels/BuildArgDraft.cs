namespace ImageLab.Web.ViewModels;

/// <summary>One <c>--build-arg NAME=value</c> of the draft.</summary>
public sealed class BuildArgDraft
{
    public Guid Id { get; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public string Value { get; set; } = "";
}
