using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;
using ImageLab.Core.Layers;
using ImageLab.Data.Analysis;

namespace ImageLab.Web.UseCases;

/// <summary>
/// Iterations' layer analyses, or the sentence that says why there is none yet: the one place the analysis API and the
/// iteration's files page read them and compare two images.
/// </summary>
public sealed class IterationAnalyses(AnalysisStore store) : ISizeBlames
{
    /// <summary>The stored numbers, layers and findings of the iteration's analysis.</summary>
    /// <exception cref="ActionRefusedException">No such iteration (<see cref="Refusal.NotFound"/>), or no analysis yet (<see cref="Refusal.Unavailable"/>).</exception>
    public async Task<StoredAnalysis> GetSummaryAsync(long iterationId, CancellationToken cancellationToken)
    {
        var state = await store.GetStateAsync(iterationId, cancellationToken);
        if (!state.IsAvailable)
        {
            throw Unavailable(state);
        }

        return await store.GetAnalysisAsync(iterationId, cancellationToken)
            ?? throw Unavailable(await store.GetStateAsync(iterationId, cancellationToken));
    }

    /// <summary>The iteration's image, file by file and layer by layer.</summary>
    /// <exception cref="ActionRefusedException">No such iteration (<see cref="Refusal.NotFound"/>), or no analysis yet (<see cref="Refusal.Unavailable"/>).</exception>
    public async Task<ImageAnalysis> LoadImageAsync(long iterationId, CancellationToken cancellationToken)
    {
        var state = await store.GetStateAsync(iterationId, cancellationToken);
        if (!state.IsAvailable || await store.LoadImageAnalysisAsync(iterationId, cancellationToken) is not { } analysis)
        {
            throw Unavailable(state);
        }

        return analysis;
    }

    /// <summary>Two iterations' images compared: sizes, layers and files, and why the size changed (null: an analysis predates package anatomy).</summary>
    /// <exception cref="ActionRefusedException">Either iteration has no analysis (or does not exist).</exception>
    public async Task<(ImageComparison Comparison, SizeBlameResponse? Blame)> CompareAsync(long a, long b, CancellationToken cancellationToken)
    {
        var imageA = await LoadImageAsync(a, cancellationToken);
        var imageB = await LoadImageAsync(b, cancellationToken);
        var blame = imageA.GetAnatomy() is { } anatomyA && imageB.GetAnatomy() is { } anatomyB
            ? SizeBlamer.Blame(anatomyA, await SourcesAsync(a, imageA, cancellationToken), anatomyB, await SourcesAsync(b, imageB, cancellationToken))
            : null;
        return (ImageComparer.Compare(imageA, imageB), blame is null ? null : ToResponse(blame));
    }

    /// <summary>The iteration's bytes by package, kind and unowned folder: one page of packages after <paramref name="query"/>.</summary>
    /// <exception cref="ActionRefusedException">No such iteration, no analysis yet, or an analysis made before package anatomy.</exception>
    public async Task<PackagesResponse> GetPackagesAsync(long iterationId, PackageQuery query, CancellationToken cancellationToken)
    {
        var (analysis, anatomy) = await LoadAnatomyAsync(iterationId, cancellationToken);
        var sources = await SourcesAsync(iterationId, analysis, cancellationToken);
        var matching = query.Apply(anatomy.Packages).ToList();
        var packageBytes = anatomy.Packages.Sum(package => package.Bytes);
        return new PackagesResponse(
            iterationId,
            anatomy.TotalBytes,
            packageBytes,
            anatomy.TotalBytes - packageBytes,
            matching.Count,
            query.Offset,
            query.Limit,
            [.. matching.Skip(query.Offset).Take(query.Limit).Select(package => ToResponse(package, sources))],
            anatomy.Unowned,
            anatomy.Kinds,
            anatomy.ReadDebugSections);
    }

    /// <summary>The files of one package, of one unowned top folder or of one kind, largest first by their bytes in the group.</summary>
    /// <exception cref="ActionRefusedException">No analysis (see <see cref="GetPackagesAsync"/>), or no file in that group.</exception>
    public async Task<PackageFilesResponse> GetPackageFilesAsync(
        long iterationId, FileGroup group, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var (_, anatomy) = await LoadAnatomyAsync(iterationId, cancellationToken);
        var files = anatomy.Files.Where(group.Contains).ToList();
        if (files.Count == 0)
        {
            throw new ActionRefusedException(Refusal.NotFound, $"Iteration {iterationId}'s image has no files of {group}.");
        }
        return new PackageFilesResponse(
            iterationId, group.ToString(), files.Sum(group.BytesOf), files.Count, offset, limit,
            [.. files.OrderByDescending(group.BytesOf).ThenBy(file => file.Path, StringComparer.Ordinal).Skip(offset).Take(limit)]);
    }

    /// <summary>
    /// Why <paramref name="after"/>'s image differs from <paramref name="before"/>'s, by step, package and kind; null
    /// while either has no analysis (or one made before package anatomy).
    /// </summary>
    public async Task<SizeBlame?> TryBlameAsync(long before, long after, CancellationToken cancellationToken)
    {
        try
        {
            return await BlameAsync(before, after, cancellationToken);
        }
        catch (ActionRefusedException)
        {
            return null;
        }
    }

    /// <summary>Why <paramref name="after"/>'s image differs from <paramref name="before"/>'s, by step, package and kind.</summary>
    /// <exception cref="ActionRefusedException">Either iteration has no analysis (or one made before package anatomy), or does not exist.</exception>
    public async Task<SizeBlame> BlameAsync(long before, long after, CancellationToken cancellationToken)
    {
        var (beforeAnalysis, beforeAnatomy) = await LoadAnatomyAsync(before, cancellationToken);
        var (afterAnalysis, afterAnatomy) = await LoadAnatomyAsync(after, cancellationToken);
        return SizeBlamer.Blame(
            beforeAnatomy, await SourcesAsync(before, beforeAnalysis, cancellationToken),
            afterAnatomy, await SourcesAsync(after, afterAnalysis, cancellationToken));
    }

    /// <summary>What made each layer of the iteration's image, labelled by its Dockerfile line where the build matched one.</summary>
    public async Task<IReadOnlyList<LayerSource>> SourcesAsync(long iterationId, ImageAnalysis analysis, CancellationToken cancellationToken) =>
        LayerSources.Of(analysis, await store.LoadLayerLinesAsync(iterationId, cancellationToken));

    /// <summary>The blame as the API answers it: the top causes by step, the 20 largest package changes, every kind.</summary>
    public static SizeBlameResponse ToResponse(SizeBlame blame, int causes = 5)
    {
        ArgumentNullException.ThrowIfNull(blame);
        return new SizeBlameResponse(blame.DeltaBytes, blame.TopCauses(causes), [.. blame.ByPackage.Take(20)], blame.ByKind);
    }

    private async Task<(ImageAnalysis Analysis, ImageAnatomy Anatomy)> LoadAnatomyAsync(long iterationId, CancellationToken cancellationToken)
    {
        var analysis = await LoadImageAsync(iterationId, cancellationToken);
        return analysis.GetAnatomy() is { } anatomy
            ? (analysis, anatomy)
            : throw new ActionRefusedException(
                Refusal.Unavailable,
                $"Iteration {iterationId} was analyzed before ImageLab read package databases: build it again (or submit the experiment again) to see its packages.");
    }

    private static PackageResponse ToResponse(PackageBytes package, IReadOnlyList<LayerSource> sources) => new(
        package.Manager.ToString().ToLowerInvariant(),
        package.Name,
        package.Version,
        package.Key.Location,
        package.Bytes,
        package.FileCount,
        package.InstalledInLayer,
        package.InstalledInLayer < sources.Count ? sources[package.InstalledInLayer].Label : "",
        package.Reason is { } reason
            ? new InstallReasonResponse(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(reason.Kind.ToString()), reason.Via)
            : null);

    private static ActionRefusedException Unavailable(AnalysisState state) => new(
        state.Availability == AnalysisAvailability.NoIteration ? Refusal.NotFound : Refusal.Unavailable,
        state.Sentence ?? "The layer analysis is not available.");
}
