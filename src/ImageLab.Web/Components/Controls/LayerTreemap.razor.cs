using System.Globalization;
using ImageLab.Core.Experiments;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>A squarified treemap of an image's layers: area by size, base-image layers grey, own layers coloured.</summary>
public partial class LayerTreemap
{
    private IReadOnlyList<TreemapCell<LayerDetails>> _cells = [];
    private Dictionary<int, int> _ownShades = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<LayerDetails> Layers { get; set; } = [];

    [Parameter]
    public int? SelectedIndex { get; set; }

    /// <summary>The link of a layer's cell (the drill-down of that layer).</summary>
    [Parameter, EditorRequired]
    public Func<LayerDetails, string> Href { get; set; } = _ => "";

    [Parameter]
    public double Width { get; set; } = 800;

    [Parameter]
    public double Height { get; set; } = 420;

    protected override void OnParametersSet()
    {
        _cells = Treemap.Layout(Layers, l => l.SizeBytes, Width, Height);
        _ownShades = Layers.Where(l => !l.FromBaseImage && l.SizeBytes > 0).OrderBy(l => l.Index)
            .Select((l, i) => (l.Index, Shade: i % LayerStack.OwnShades))
            .ToDictionary(x => x.Index, x => x.Shade);
    }

    private int OwnShade(LayerDetails layer) => _ownShades.GetValueOrDefault(layer.Index);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
