using ImageLab.Core.Experiments;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Pages.Experiments;

/// <summary>Layer drill-down: a treemap of the image's layers, the chosen layer's created-by, size and Dockerfile line.</summary>
public partial class IterationPage
{
    private ExperimentDetails? _experiment;
    private IterationDetails? _iteration;
    private LayerDetails? _layer;
    private List<LayerDetails> _sized = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private bool _notFound;
    private string? _error;

    [Inject]
    private IExperimentQueries Queries { get; set; } = default!;

    [Parameter]
    public long Id { get; set; }

    [Parameter]
    public long IterationId { get; set; }

    /// <summary>The layer's index (0 is the bottom layer); the largest own layer when absent.</summary>
    [SupplyParameterFromQuery(Name = "layer")]
    public int? LayerIndex { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_experiment?.Id != Id || _iteration?.Id != IterationId)
        {
            try
            {
                _experiment = await Queries.GetExperimentAsync(Id, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _error = $"Experiment {Id} could not be read: {e.Message}";
                return;
            }

            _iteration = _experiment?.Iterations.FirstOrDefault(i => i.Id == IterationId);
            _notFound = _iteration is null;
            if (_experiment is null || _iteration is null)
            {
                return;
            }

            _sized = _iteration.Layers.Where(l => l.SizeBytes > 0).ToList();
            _breadcrumbs =
            [
                new BreadcrumbItem("Experiments", "/"),
                new BreadcrumbItem(_experiment.Name, $"/experiments/{Id}"),
                new BreadcrumbItem(_iteration.Name + " layers", null, disabled: true),
            ];
        }

        if (_iteration is null)
        {
            return;
        }

        _layer = (LayerIndex is { } index ? _iteration.Layers.FirstOrDefault(l => l.Index == index) : null)
            ?? LayerStack.LargestOwnLayer(_iteration)
            ?? _sized.MaxBy(l => l.SizeBytes)
            ?? (_iteration.Layers.Count > 0 ? _iteration.Layers[^1] : null);
    }

    private string LayerHref(LayerDetails layer) => $"/experiments/{Id}/iterations/{IterationId}?layer={layer.Index}";

    private string Share(LayerDetails layer) =>
        Percentage.Share(layer.SizeBytes, _iteration?.SizeBytes ?? 0);

    // The instruction's line, with the continuation lines that belong to it.
    private List<int> HighlightLines(LayerDetails layer)
    {
        if (layer.Line is not { } line || _iteration is null)
        {
            return [];
        }

        var lines = _iteration.DockerfileText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new List<int> { line };
        for (var i = line - 1; i < lines.Length - 1 && lines[i].TrimEnd().EndsWith('\\'); i++)
        {
            result.Add(i + 2);
        }

        return result;
    }
}
