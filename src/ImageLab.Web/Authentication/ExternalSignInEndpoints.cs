using System.Security.Claims;
using ImageLab.Data.Entities;
using ImageLab.Web.Components.Pages.Account;
using ImageLab.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Authentication;

/// <summary>
/// OpenID Connect sign-in (when configured): the sign-in page's button posts to <c>/account/external-login</c>, the
/// provider returns to <c>/account/external-callback</c>, which signs in the user linked to that login, creating it
/// on the first visit with <c>Authentication:OpenIdConnect:DefaultRole</c>.
/// </summary>
public static class ExternalSignInEndpoints
{
    public static IEndpointRouteBuilder MapExternalSignIn(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/external-login", (HttpContext http, [FromForm] string? returnUrl, SignInManager<ImageLabUser> signIn, OpenIdConnectSettings settings) =>
        {
            if (!settings.Enabled)
            {
                return Results.NotFound();
            }

            var callback = "/account/external-callback?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrHome(returnUrl));
            var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectSettings.Scheme, callback);
            return Results.Challenge(properties, [OpenIdConnectSettings.Scheme]);
        });
        group.MapGet("/external-callback", CallbackAsync);
        return endpoints;
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext http, string? returnUrl, SignInManager<ImageLabUser> signIn, UserAdministration users, OpenIdConnectSettings settings,
        CancellationToken cancellationToken)
    {
        var login = await signIn.GetExternalLoginInfoAsync();
        if (login is null)
        {
            return Failed("The identity provider's answer could not be read: try again.");
        }

        var result = await signIn.ExternalLoginSignInAsync(login.LoginProvider, login.ProviderKey, isPersistent: true, bypassTwoFactor: true);
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            return Failed("This account is disabled: ask an admin.");
        }

        if (!result.Succeeded)
        {
            var name = UserName(login.Principal) ?? login.ProviderKey;
            try
            {
                var user = await users.CreateExternalAsync(name, settings.DefaultRole, login, cancellationToken);
                await signIn.SignInAsync(user, isPersistent: true, login.LoginProvider);
            }
            catch (UserAdministrationException e)
            {
                return Failed(e.Message);
            }
        }

        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }

    private static string? UserName(ClaimsPrincipal principal) =>
        principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name);

    private static IResult Failed(string sentence) =>
        Results.LocalRedirect(AuthenticationHostingExtensions.LoginPath + "?error=" + Uri.EscapeDataString(sentence));
}
