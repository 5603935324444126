using ImageLab.Core.Reports;
using ImageLab.Web.UseCases;

namespace ImageLab.Web.Api;

/// <summary>
/// <c>GET /api/experiments/{id}/report?format=markdown|json|csv&amp;baseline=&lt;experimentId|auto&gt;</c>: the report the
/// CLI prints and the dashboard offers for download (built by <see cref="ExperimentReports"/>). A public contract: keep the names.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/experiments/{id:long}/report", GetReportAsync).WithTags("Reports")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> GetReportAsync(
        long id, HttpRequest request, ExperimentReports reports, CancellationToken cancellationToken, string? format = null, string? baseline = null)
    {
        if (ReportRenderer.ParseFormat(format ?? "markdown") is not { } reportFormat)
        {
            return Problems.BadRequest($"Unknown report format '{format}': use markdown, json or csv.");
        }

        try
        {
            var page = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/experiments/{id}");
            var report = await reports.BuildAsync(id, baseline, page, cancellationToken);
            return Results.Text(ReportRenderer.Render(report, reportFormat), ReportRenderer.ContentType(reportFormat));
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }
    }
}
