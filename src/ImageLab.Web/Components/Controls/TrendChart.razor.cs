using System.Globalization;
using ImageLab.Core.Experiments;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>A project's final image size over time; every point is a link to its experiment.</summary>
public partial class TrendChart
{
    private TrendChartModel _model = TrendChartModel.From([]);

    [Parameter, EditorRequired]
    public IReadOnlyList<TrendPoint> Points { get; set; } = [];

    [Parameter]
    public string Project { get; set; } = "";

    protected override void OnParametersSet() => _model = TrendChartModel.From(Points);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
