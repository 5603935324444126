using System.Globalization;
using ImageLab.Core.Experiments;
using ImageLab.Core.Reports;
using ImageLab.Data;
using ImageLab.Data.Analysis;
using ImageLab.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Web.Api;

/// <summary>
/// <c>GET /api/experiments/{id}/report?format=markdown|json|csv&amp;baseline=&lt;experimentId|auto&gt;</c>: the report the
/// CLI prints and the dashboard offers for download. <c>auto</c> compares with the newest earlier succeeded experiment
/// of the project labelled <c>Baselines:Label</c> (default <c>branch=main</c>). A public contract: keep the names.
/// </summary>
public static class ReportsApi
{
    public const string BaselineLabelKey = "Baselines:Label";

    public const string DefaultBaselineLabel = "branch=main";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/experiments/{id:long}/report", GetReportAsync).WithTags("Reports");
        return endpoints;
    }

    private static async Task<IResult> GetReportAsync(
        long id, HttpRequest request, IExperimentQueries queries, AnalysisStore analyses, IDbContextFactory<ImageLabDbContext> contexts,
        IConfiguration configuration, CancellationToken cancellationToken, string? format = null, string? baseline = null)
    {
        if (ReportRenderer.ParseFormat(format ?? "markdown") is not { } reportFormat)
        {
            return Problems.BadRequest($"Unknown report format '{format}': use markdown, json or csv.");
        }

        if (await queries.GetExperimentAsync(id, cancellationToken) is not { } experiment)
        {
            return Problems.NotFound($"There is no experiment {id}.");
        }

        long? baselineId;
        string? reason = null;
        switch (baseline?.Trim().ToLowerInvariant())
        {
            case null or "" or "none":
                baselineId = null;
                break;
            case "auto":
                var label = configuration[BaselineLabelKey] ?? DefaultBaselineLabel;
                if (ExperimentLabels.Split(label) is not var (key, value))
                {
                    return Results.Problem($"The setting {BaselineLabelKey} '{label}' is not of the form key=value.", statusCode: StatusCodes.Status500InternalServerError);
                }

                baselineId = await new BaselineQueries(contexts).FindBaselineAsync(id, key, value, cancellationToken);
                reason = $"newest succeeded experiment of {experiment.Project} labelled {key}={value}";
                break;
            default:
                if (!long.TryParse(baseline, NumberStyles.None, CultureInfo.InvariantCulture, out var explicitId))
                {
                    return Problems.BadRequest($"The baseline '{baseline}' is neither an experiment id nor 'auto'.");
                }

                baselineId = explicitId;
                break;
        }

        ExperimentDetails? baselineExperiment = null;
        if (baselineId is { } other && (baselineExperiment = await queries.GetExperimentAsync(other, cancellationToken)) is null)
        {
            return Problems.NotFound($"There is no baseline experiment {other}.");
        }

        var withFindings = await ExperimentFindings.AddAsync(experiment, analyses, cancellationToken);
        var page = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/experiments/{id}");
        var report = new ReportBuilder().Build(withFindings, baselineExperiment, reason, page);
        return Results.Text(ReportRenderer.Render(report, reportFormat), ReportRenderer.ContentType(reportFormat));
    }
}
