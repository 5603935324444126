using ImageLab.Data.Entities;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace ImageLab.Web.Components.Pages.Account;

/// <summary>First run: creates the first admin while there is no user at all; once any user exists it sends to sign-in.</summary>
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
    private NavigationManager Navigation { get; set; } = default!;

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
