using ImageLab.Data.Entities;
using ImageLab.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace ImageLab.Web.Components.Pages.Account;

/// <summary>Sign-out: a form (with antiforgery) that clears the cookie, then back to the sign-in page.</summary>
public sealed partial class Logout
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private SignInManager<ImageLabUser> SignIn { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (HttpMethods.IsGet(HttpContext.Request.Method) && HttpContext.User.Identity?.IsAuthenticated != true)
        {
            Navigation.NavigateTo(AuthenticationHostingExtensions.LoginPath);
        }
    }

    private async Task SignOutAsync()
    {
        await SignIn.SignOutAsync();
        Navigation.NavigateTo(AuthenticationHostingExtensions.LoginPath);
    }
}
