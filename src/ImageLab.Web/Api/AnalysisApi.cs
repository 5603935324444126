using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;
using ImageLab.Core.Layers;
using ImageLab.Web.UseCases;

namespace ImageLab.Web.Api;

/// <summary>
/// Layer analysis of iterations: <c>/api/iterations/{id}/analysis</c> (numbers, layers, findings),
/// <c>/api/iterations/{id}/files</c> (one directory of the image's tree, paged), <c>/api/iterations/{id}/packages</c>
/// (bytes by package, kind and unowned folder; <c>/packages/files</c> drills into one) and <c>/api/compare?a=&amp;b=</c>
/// (two iterations' files and layers, and why the size changed; <c>?experiment=</c> compares an experiment's final
/// iteration with its baseline experiment's). A public contract: keep the names.
/// </summary>
public static class AnalysisApi
{
    private const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder endpoints)
    {
        var iterations = endpoints.MapGroup("/api/iterations").WithTags("Analysis");
        iterations.MapGet("/{id:long}/analysis", GetAnalysisAsync)
            .Produces<StoredAnalysis>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        iterations.MapGet("/{id:long}/files", ListFilesAsync)
            .Produces<DirectoryListingResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        iterations.MapGet("/{id:long}/packages", ListPackagesAsync)
            .Produces<PackagesResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        iterations.MapGet("/{id:long}/packages/files", ListPackageFilesAsync)
            .Produces<PackageFilesResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        endpoints.MapGet("/api/compare", CompareAsync).WithTags("Analysis")
            .Produces<ImageComparisonResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> GetAnalysisAsync(long id, IterationAnalyses analyses, CancellationToken cancellationToken)
    {
        try
        {
            return Results.Ok(await analyses.GetSummaryAsync(id, cancellationToken));
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }
    }

    private static async Task<IResult> ListFilesAsync(
        long id, IterationAnalyses analyses, CancellationToken cancellationToken,
        int? layer = null, string? path = null, string? sort = null, string? order = null, string? filter = null, int offset = 0, int limit = 100)
    {
        if (!Enum.TryParse<FileTreeSort>(sort ?? nameof(FileTreeSort.Name), ignoreCase: true, out var sortBy) || !Enum.IsDefined(sortBy))
        {
            return Problems.BadRequest($"Unknown sort '{sort}': use name, size or layer.");
        }

        if (order is not (null or "asc" or "desc"))
        {
            return Problems.BadRequest($"Unknown order '{order}': use asc or desc.");
        }

        if (offset < 0 || limit is < 1 or > MaxLimit)
        {
            return Problems.BadRequest($"offset must be 0 or more and limit between 1 and {MaxLimit}.");
        }

        ImageAnalysis analysis;
        try
        {
            analysis = await analyses.LoadImageAsync(id, cancellationToken);
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }

        var layerIndex = layer ?? analysis.Layers.Count - 1;
        if (analysis.Layers.Count == 0 || layerIndex < 0 || layerIndex >= analysis.Layers.Count)
        {
            return Problems.BadRequest($"Iteration {id}'s image has {analysis.Layers.Count} layers: layer must be between 0 and {analysis.Layers.Count - 1}.");
        }

        var directory = string.IsNullOrWhiteSpace(path) ? "/" : path;
        var query = new DirectoryListingQuery
        {
            SortBy = sortBy,
            Descending = order is null ? sortBy == FileTreeSort.Size : order == "desc",
            NameContains = string.IsNullOrEmpty(filter) ? null : filter,
            Offset = offset,
            Limit = limit,
        };
        var listing = analysis.GetTreeAtLayer(layerIndex).ListDirectory(directory, query);
        return listing is null
            ? Problems.NotFound($"There is no directory {directory} in iteration {id}'s image after layer {layerIndex}.")
            : Results.Ok(new DirectoryListingResponse(
                id, layerIndex, listing.Path.Length == 0 ? "/" : listing.Path, listing.SizeBytes, listing.TotalCount, listing.Offset, limit, listing.Entries));
    }

    private static async Task<IResult> ListPackagesAsync(
        long id, IterationAnalyses analyses, CancellationToken cancellationToken,
        string? manager = null, int? layer = null, string? sort = null, int offset = 0, int limit = 100)
    {
        if (!TryParseName<PackageManager>(manager, out var managerFilter))
        {
            return Problems.BadRequest($"Unknown manager '{manager}': use dpkg, apk, python or npm.");
        }

        if (sort is not (null or "bytes" or "name"))
        {
            return Problems.BadRequest($"Unknown sort '{sort}': use bytes or name.");
        }

        if (offset < 0 || limit is < 1 or > MaxLimit)
        {
            return Problems.BadRequest($"offset must be 0 or more and limit between 1 and {MaxLimit}.");
        }

        try
        {
            var query = new PackageQuery(managerFilter, layer, sort == "name", offset, limit);
            return Results.Ok(await analyses.GetPackagesAsync(id, query, cancellationToken));
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }
    }

    private static async Task<IResult> ListPackageFilesAsync(
        long id, IterationAnalyses analyses, CancellationToken cancellationToken,
        string? manager = null, string? name = null, string? location = null, string? folder = null, string? kind = null, int offset = 0, int limit = 100)
    {
        if (new[] { name, folder, kind }.Count(given => given is not null) != 1 || !TryParseName<PackageManager>(manager, out var managerFilter)
            || (name is not null && managerFilter is null) || !TryParseName<ByteKind>(kind, out var kindFilter))
        {
            return Problems.BadRequest("Name a package as ?manager=dpkg&name=python3.11 (with &location= for Python and npm packages), an unowned top folder as ?folder=/app, or a kind as ?kind=documentation.");
        }

        if (offset < 0 || limit is < 1 or > MaxLimit)
        {
            return Problems.BadRequest($"offset must be 0 or more and limit between 1 and {MaxLimit}.");
        }

        try
        {
            var group = name is not null ? FileGroup.OfPackage(new PackageKey(managerFilter!.Value, name, location ?? ""))
                : folder is not null ? FileGroup.OfFolder(folder)
                : FileGroup.OfKind(kindFilter!.Value);
            return Results.Ok(await analyses.GetPackageFilesAsync(id, group, offset, limit, cancellationToken));
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }
    }

    // A named member of T ("dpkg", "documentation", any case; never a number), or nothing when the parameter is absent.
    private static bool TryParseName<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static async Task<IResult> CompareAsync(
        long? a, long? b, long? experiment, IterationAnalyses analyses, BaselineComparisons baselines, CancellationToken cancellationToken, int limit = 100)
    {
        var twoIterations = a is not null && b is not null && experiment is null;
        var againstBaseline = experiment is not null && a is null && b is null;
        if (!twoIterations && !againstBaseline)
        {
            return Problems.BadRequest("Give the two iterations to compare as ?a={iterationId}&b={iterationId}, or an experiment to compare with its baseline as ?experiment={experimentId}.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Problems.BadRequest($"limit must be between 1 and {MaxLimit}.");
        }

        ImageComparison comparison;
        SizeBlameResponse? blame;
        BaselineComparison? baseline = null;
        try
        {
            if (experiment is { } experimentId)
            {
                baseline = await baselines.FindAsync(experimentId, cancellationToken);
                (a, b) = (baseline.BaselineIterationId, baseline.IterationId);
            }

            (comparison, blame) = await analyses.CompareAsync(a!.Value, b!.Value, cancellationToken);
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }

        return Results.Ok(new ImageComparisonResponse(
            a.Value,
            b.Value,
            comparison.TotalBytesA,
            comparison.TotalBytesB,
            comparison.DeltaBytes,
            comparison.CompressedBytesA,
            comparison.CompressedBytesB,
            comparison.SharedLayerBytes,
            comparison.Layers,
            new FileSetResponse(comparison.OnlyInA.Count, comparison.BytesOnlyInA, [.. comparison.OnlyInA.Take(limit)]),
            new FileSetResponse(comparison.OnlyInB.Count, comparison.BytesOnlyInB, [.. comparison.OnlyInB.Take(limit)]),
            new ChangedFilesResponse(comparison.Changed.Count, comparison.ChangedDeltaBytes, [.. comparison.Changed.Take(limit)]),
            blame,
            baseline));
    }
}
