using System.Security.Claims;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;
using ImageLab.Data.Security;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ImageLab.Web.UseCases;

/// <summary>
/// Cancelling an experiment or one iteration, with its audit entry: the one place both
/// <c>POST /api/experiments/{id}/cancel</c> (and <c>.../iterations/{iterationId}/cancel</c>) and the experiment page call.
/// </summary>
public sealed class ExperimentActions(IExperimentCommands commands, IAuditLog audit, IAuthorizationService authorization, ICallerAuthorization current)
{
    private const string CancelAction = "cancel builds";

    /// <summary>Cancels every iteration of the experiment that has not ended and records who did it.</summary>
    /// <exception cref="ActionRefusedException">The caller may not cancel, or there is no such experiment.</exception>
    public async Task CancelExperimentAsync(long experimentId, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        await Callers.DemandAsync(authorization, current, caller, ImageLabPolicies.Builders, ICallerAuthorization.Builders, CancelAction, cancellationToken);
        if (!await commands.CancelExperimentAsync(experimentId, cancellationToken))
        {
            throw new ActionRefusedException(Refusal.NotFound, $"There is no experiment {experimentId}.");
        }

        await audit.RecordAsync(Callers.NameOf(caller), AuditActions.ExperimentCancelled, $"experiment {experimentId}", null, cancellationToken);
    }

    /// <summary>Cancels one iteration if it has not ended and records who did it.</summary>
    /// <exception cref="ActionRefusedException">The caller may not cancel, or there is no such iteration in the experiment.</exception>
    public async Task CancelIterationAsync(long experimentId, long iterationId, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        await Callers.DemandAsync(authorization, current, caller, ImageLabPolicies.Builders, ICallerAuthorization.Builders, CancelAction, cancellationToken);
        if (!await commands.CancelIterationAsync(experimentId, iterationId, cancellationToken))
        {
            throw new ActionRefusedException(Refusal.NotFound, $"There is no iteration {iterationId} in experiment {experimentId}.");
        }

        await audit.RecordAsync(Callers.NameOf(caller), AuditActions.ExperimentCancelled, $"experiment {experimentId}", $"iteration {iterationId}", cancellationToken);
    }
}
