using ImageLab.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace ImageLab.Web.Authentication;

/// <summary>
/// Who may do what: every endpoint needs a signed-in user (the fallback policy) unless it allows anonymous callers;
/// submitting and cancelling need admin or member; engine and user administration and the audit log need admin.
/// </summary>
public static class ImageLabPolicies
{
    public const string Builders = "builders";

    public const string Admins = "admins";

    internal static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Builders, policy => policy.RequireRole(ImageLabRoles.Admin, ImageLabRoles.Member));
        options.AddPolicy(Admins, policy => policy.RequireRole(ImageLabRoles.Admin));
    }
}
