using System.Globalization;
using ImageLab.Core.Experiments;
using ImageLab.Data;
using ImageLab.Data.Stores;

namespace ImageLab.Web.UseCases;

/// <summary>
/// Which experiment another one is compared with: none, an experiment id, or <c>auto</c> (the newest earlier succeeded
/// experiment of the project labelled <c>Baselines:Label</c>, default <c>branch=main</c>). The one rule the report and
/// the baseline comparison (page and API) share.
/// </summary>
public sealed class BaselineChooser(BaselineQueries baselines, IConfiguration configuration)
{
    public const string BaselineLabelKey = "Baselines:Label";

    public const string DefaultBaselineLabel = "branch=main";

    /// <summary>
    /// The baseline's id (null when there is none) and, for <c>auto</c>, how it was chosen
    /// ("newest succeeded experiment of shop labelled branch=main").
    /// </summary>
    /// <exception cref="ActionRefusedException">A baseline that is neither an id nor <c>auto</c>, or a bad <c>Baselines:Label</c>.</exception>
    public async Task<(long? Id, string? Reason)> ChooseAsync(ExperimentDetails experiment, string? baseline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        switch (baseline?.Trim().ToLowerInvariant())
        {
            case null or "" or "none":
                return (null, null);
            case "auto":
                var (key, value) = Label();
                var id = await baselines.FindBaselineAsync(experiment.Id, key, value, cancellationToken);
                return (id, $"newest succeeded experiment of {experiment.Project} labelled {key}={value}");
            default:
                return long.TryParse(baseline, NumberStyles.None, CultureInfo.InvariantCulture, out var explicitId)
                    ? (explicitId, null)
                    : throw new ActionRefusedException(Refusal.Invalid, $"The baseline '{baseline}' is neither an experiment id nor 'auto'.");
        }
    }

    /// <summary>"Experiment 12 has no baseline: no earlier succeeded experiment of shop is labelled branch=main."</summary>
    public string NoBaseline(ExperimentDetails experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var (key, value) = Label();
        return $"Experiment {experiment.Id} has no baseline: no earlier succeeded experiment of {experiment.Project} is labelled {key}={value}.";
    }

    private (string Key, string Value) Label()
    {
        var label = configuration[BaselineLabelKey] ?? DefaultBaselineLabel;
        return ExperimentLabels.Split(label) is var (key, value)
            ? (key, value)
            : throw new ActionRefusedException(Refusal.Misconfigured, $"The setting {BaselineLabelKey} '{label}' is not of the form key=value.");
    }
}
