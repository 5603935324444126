using ImageLab.Data.Entities;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace ImageLab.Web.Components.Pages.Account;

/// <summary>
/// Sign-in with a user name and password (static rendering: the answer sets the cookie). Before the first user
/// exists it sends to the first-run page.
/// </summary>
public sealed partial class Login
{
    private string? _error;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private SignInManager<ImageLabUser> SignIn { get; set; } = default!;

    [Inject]
    private UserAdministration Users { get; set; } = default!;

    [Inject]
    private SignInThrottle Throttle { get; set; } = default!;

    [Inject]
    private OpenIdConnectSettings OpenIdConnect { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromForm]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "error")]
    private string? ExternalError { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (HttpMethods.IsGet(HttpContext.Request.Method))
        {
            if (!await Users.AnyUserAsync(HttpContext.RequestAborted))
            {
                Navigation.NavigateTo("setup");
                return;
            }

            _error = ExternalError;
        }
    }

    private async Task SignInAsync()
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (Throttle.RetryAfter(address) is { } wait)
        {
            _error = $"Too many wrong passwords from this address: try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minutes.";
            return;
        }

        var result = await SignIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl));
            return;
        }

        Throttle.RecordFailure(address);

        _error = result.IsLockedOut
            ? "This account is disabled, or locked for a while after too many wrong passwords."
            : "The user name or the password is wrong.";
    }
}
