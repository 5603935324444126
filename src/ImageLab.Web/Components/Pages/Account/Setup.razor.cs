using ImageLab.Data.Entities;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace ImageLab.Web.Components.Pages.Account;

/// <summary>
/// First run: creates the first admin while there is no user at all, for whoever brings the one-time token the server
/// printed at start (<see cref="SetupToken"/>, in the address); once any user exists it sends to sign-in.
/// </summary>
public sealed partial class Setup
{
    private string? _error;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private UserAdministration Users { get; set; } = default!;

    [Inject]
    private SignInManager<ImageLabUser> SignIn { get; set; } = default!;

    [Inject]
    private SetupToken Token { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = SetupToken.QueryName)]
    private string? GivenToken { get; set; }

    /// <summary>Whether the request brings the setup token; without it the page shows only <see cref="TokenNeeded"/>.</summary>
    private bool HasToken => Token.Matches(GivenToken);

    private static string TokenNeeded =>
        "Setting up ImageLab needs the one-time token the server printed when it started: open the address of its log line "
        + "\"ImageLab has no user yet: create the first admin at .../setup?token=...\" (or the one made from Security:SetupToken).";

    [SupplyParameterFromForm]
    private SetupInput Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (await Users.AnyUserAsync(HttpContext.RequestAborted))
        {
            Navigation.NavigateTo(AuthenticationHostingExtensions.LoginPath);
        }
    }

    private async Task CreateAsync()
    {
        if (!HasToken)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        ImageLabUser? admin;
        try
        {
            admin = await Users.CreateFirstAdminAsync(Input.UserName, Input.Password, HttpContext.RequestAborted);
        }
        catch (UserAdministrationException e)
        {
            _error = e.Message;
            return;
        }

        if (admin is null)
        {
            Navigation.NavigateTo(AuthenticationHostingExtensions.LoginPath);
            return;
        }

        await SignIn.SignInAsync(admin, isPersistent: true);
        Navigation.NavigateTo("/");
    }
}
