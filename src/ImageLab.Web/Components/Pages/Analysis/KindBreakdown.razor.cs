using ImageLab.Core.Anatomy;
using ImageLab.Web.Formatting;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>An image's bytes by kind: one bar split by kind, largest first, and a legend row per kind; both drill to its files.</summary>
public partial class KindBreakdown
{
    /// <summary>Bytes by kind, largest first (as <see cref="ImageAnatomy.Kinds"/> lists them).</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<KindBytes> Kinds { get; set; } = [];

    [Parameter, EditorRequired]
    public long TotalBytes { get; set; }

    [Parameter]
    public ByteKind? Selected { get; set; }

    [Parameter]
    public EventCallback<ByteKind> OnSelect { get; set; }

    private string AriaLabel => "Bytes by kind: " + string.Join(", ", Kinds.Select(kind => $"{ByteKindText.Name(kind.Kind)} {ByteSize.Format(kind.Bytes)}"));
}
