using System.Security.Claims;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ImageLab.Web.UseCases;

/// <summary>
/// Who calls a use case: the name the audit log records, and the check of the caller's permission at the moment the
/// action runs (the endpoint and the page checked it before; a role can change in between). The one place to revalidate callers.
/// </summary>
internal static class Callers
{
    /// <summary>The caller's user name as the audit log records it ("" for none).</summary>
    public static string NameOf(ClaimsPrincipal caller) => caller.Identity?.Name ?? "";

    /// <summary>
    /// Refuses with <see cref="Refusal.Forbidden"/> unless <paramref name="caller"/> meets <paramref name="policy"/> by the
    /// claims it signed in with and, in the database now, still exists, is enabled and holds one of <paramref name="roles"/>
    /// (an open page or a long-lived connection keeps claims that an administrator has since taken away).
    /// </summary>
    public static async Task DemandAsync(
        IAuthorizationService authorization,
        ICallerAuthorization current,
        ClaimsPrincipal caller,
        string policy,
        IReadOnlyCollection<string> roles,
        string action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!(await authorization.AuthorizeAsync(caller, policy)).Succeeded)
        {
            var name = NameOf(caller) is { Length: > 0 } known ? known : "An anonymous caller";
            throw new ActionRefusedException(Refusal.Forbidden, $"{name} may not {action}: ask an administrator for the role.");
        }

        try
        {
            await current.EnsureAsync(NameOf(caller), roles, action, cancellationToken);
        }
        catch (CallerNotAllowedException e)
        {
            throw new ActionRefusedException(Refusal.Forbidden, e.Message);
        }
    }
}
