using System.Security.Claims;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;
using ImageLab.Data.Security;
using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.UseCases;

/// <summary>
/// Asking ImageLab for the next iteration of a built one: the rewrites write it, it is appended to the experiment and
/// queued, and the worker proves it by building. The one place both
/// <c>POST /api/experiments/{id}/iterations/{iterationId}/suggestion</c> and the experiment page call.
/// </summary>
public sealed class IterationSuggestions(
    IExperimentQueries queries,
    SuggestionStore suggestions,
    IterationStore iterations,
    IDockerEngine engine,
    IOptions<SuggestionOptions> options,
    IAuditLog audit,
    IAuthorizationService authorization,
    ICallerAuthorization current)
{
    private const string SuggestAction = "ask for a suggested Dockerfile";
    private readonly DockerfileRewriter _rewriter = new();

    /// <summary>Writes, stores and queues the suggestion for the iteration; returns the new iteration.</summary>
    /// <exception cref="ActionRefusedException">
    /// The caller may not build; no such iteration; it has no measured image yet, or no transformation applies (409).
    /// </exception>
    public async Task<IterationDetails> SuggestAsync(long experimentId, long iterationId, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        await Callers.DemandAsync(authorization, current, caller, ImageLabPolicies.Builders, ICallerAuthorization.Builders, SuggestAction, cancellationToken);
        var source = (await queries.GetExperimentAsync(experimentId, cancellationToken))?.Iterations.FirstOrDefault(i => i.Id == iterationId)
            ?? throw new ActionRefusedException(Refusal.NotFound, $"There is no iteration {iterationId} in experiment {experimentId}.");
        if (source.Status != IterationStatus.Succeeded || source.SizeBytes is null)
        {
            throw new ActionRefusedException(Refusal.Unavailable,
                $"Iteration {source.Ordinal} ({source.Name}) has no measured image yet; a suggestion is proven against it, so ask again once it is built.");
        }

        var context = ContextFilesOutRewrite.CopiesFromContext(source.DockerfileText) ? await iterations.ReadInventoryAsync(experimentId, cancellationToken) : null;
        var rewriteOptions = new DockerfileRewriteOptions
        {
            AvailableImages = await FindSmallerBasesAsync(source.DockerfileText, cancellationToken),
            AllowedBaseImages = options.Value.AllowedBaseImages.ToHashSet(StringComparer.Ordinal),
            ContextFiles = context?.Files,
            DockerIgnore = context?.DockerIgnore,
        };
        var suggestion = _rewriter.Suggest(source.DockerfileText, rewriteOptions);
        if (!suggestion.HasChanges)
        {
            throw new ActionRefusedException(Refusal.Unavailable,
                $"No transformation applies to iteration {source.Ordinal} ({source.Name}): ImageLab knows no rewrite of its Dockerfile that would make the image smaller.");
        }

        var id = await suggestions.AddAsync(source.Id, suggestion, cancellationToken);
        await audit.RecordAsync(Callers.NameOf(caller), AuditActions.SuggestionRequested, $"experiment {experimentId}", $"iteration {iterationId}", cancellationToken);
        return (await queries.GetExperimentAsync(experimentId, cancellationToken))!.Iterations.First(i => i.Id == id);
    }

    /// <summary>
    /// The suggested iteration's Dockerfile as a patch on its source's, and its <c>.dockerignore</c> change when it has
    /// one (unified format, paths relative to the build context, as <c>git apply</c> and <c>patch -p1</c> take it):
    /// applied to the source's context, it gives the context the suggestion was built from.
    /// </summary>
    /// <exception cref="ActionRefusedException">No such iteration, or it was not suggested by ImageLab.</exception>
    public async Task<string> GetPatchAsync(long experimentId, long iterationId, CancellationToken cancellationToken)
    {
        var (source, suggested) = await FindSuggestedAsync(experimentId, iterationId, cancellationToken);
        var dockerIgnore = await GetDockerIgnoreChangeAsync(suggested, cancellationToken);
        return SuggestionPatch.Create(source.Dockerfile, source.DockerfileText, suggested.DockerfileText)
            + (dockerIgnore is null ? "" : SuggestionPatch.Create(DockerIgnoreChange.Path, dockerIgnore.Before, dockerIgnore.After));
    }

    /// <summary>The <c>.dockerignore</c> change the suggested iteration was built with; null when it builds with its context's own.</summary>
    /// <exception cref="ActionRefusedException">No such iteration, or it was not suggested by ImageLab.</exception>
    public async Task<DockerIgnoreChange?> GetDockerIgnoreAsync(long experimentId, long iterationId, CancellationToken cancellationToken)
    {
        var (_, suggested) = await FindSuggestedAsync(experimentId, iterationId, cancellationToken);
        return await GetDockerIgnoreChangeAsync(suggested, cancellationToken);
    }

    /// <summary>
    /// What the suggested iteration does to its context's <c>.dockerignore</c>; null when nothing (the stored context is
    /// read only for a suggestion whose transformations change it).
    /// </summary>
    public async Task<DockerIgnoreChange?> GetDockerIgnoreChangeAsync(IterationDetails suggested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggested);
        return suggested.Transformations.Any(t => t.Id == ContextFilesOutRewrite.RewriteId && t.Status != TransformationStatus.Dropped)
            ? await suggestions.GetDockerIgnoreChangeAsync(suggested.Id, cancellationToken)
            : null;
    }

    private async Task<(IterationDetails Source, IterationDetails Suggested)> FindSuggestedAsync(long experimentId, long iterationId, CancellationToken cancellationToken)
    {
        var iterations = (await queries.GetExperimentAsync(experimentId, cancellationToken))?.Iterations ?? [];
        var suggested = iterations.FirstOrDefault(i => i.Id == iterationId)
            ?? throw new ActionRefusedException(Refusal.NotFound, $"There is no iteration {iterationId} in experiment {experimentId}.");
        var source = iterations.FirstOrDefault(i => i.Id == suggested.SuggestedFrom)
            ?? throw new ActionRefusedException(Refusal.NotFound,
                $"Iteration {suggested.Ordinal} ({suggested.Name}) was submitted, not suggested by ImageLab: there is no patch to take from it.");
        return (source, suggested);
    }

    // The slim variants of the Dockerfile's base images, and distroless static, that this engine holds: the only smaller
    // bases a suggestion may use unconfigured (scratch needs no image).
    private async Task<HashSet<string>> FindSmallerBasesAsync(string dockerfile, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var stages = DockerfileParser.Parse(dockerfile).Stages;
        // Distroless matters only to a final stage that names its user: without one, scratch-base takes scratch.
        var distroless = stages.Any(s => s.Instructions.Any(i => i.Keyword == "USER")) ? [ScratchBaseRewrite.DistrolessStatic] : Array.Empty<string>();
        var candidates = stages.SelectMany(s => SmallerBaseRewrite.SlimVariants(s.BaseImage)).Concat(distroless).Distinct();
        foreach (var image in candidates)
        {
            try
            {
                if (await engine.InspectImageAsync(image, cancellationToken) is not null)
                {
                    found.Add(image);
                }
            }
            catch (DockerEngineUnavailableException e)
            {
                throw new ActionRefusedException(Refusal.Unavailable, $"{e.Message} A suggestion needs the engine to know which base images it holds; ask again once it is back.");
            }
        }

        return found;
    }
}
