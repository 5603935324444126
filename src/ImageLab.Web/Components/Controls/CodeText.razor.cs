using ImageLab.Web.Formatting;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>A sentence with code in backticks ("line 14 `COPY . .` now brings `/app`"), the code shown as code.</summary>
public partial class CodeText
{
    private IReadOnlyList<string> _pieces = [];

    [Parameter, EditorRequired]
    public string Text { get; set; } = "";

    protected override void OnParametersSet() => _pieces = SizeCauseText.CodeSpans(Text);
}
