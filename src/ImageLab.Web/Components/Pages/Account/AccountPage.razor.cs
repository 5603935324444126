using System.Security.Claims;
using ImageLab.Data.Security;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImageLab.Web.Components.Pages.Account;

/// <summary>The signed-in user's API tokens: create (the token is shown once), list with last use, revoke.</summary>
public sealed partial class AccountPage
{
    private IReadOnlyList<ApiTokenInfo> _tokens = [];
    private CreatedApiToken? _created;
    private string? _error;
    private string? _tokenName;
    private string _userName = "";
    private string _userId = "";
    private string _roles = "";
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private UserAdministration Users { get; set; } = default!;

    [Inject]
    private ApiTokenStore Tokens { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _userName = user.Identity?.Name ?? "";
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        _roles = string.Join(", ", user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        await LoadAsync();
    }

    private async Task LoadAsync() => _tokens = await Tokens.ListAsync(_userId, CancellationToken.None);

    private async Task CreateAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            _created = await Users.CreateTokenAsync(_userName, _tokenName ?? "", _userName, CancellationToken.None);
            _tokenName = null;
            await LoadAsync();
        }
        catch (UserAdministrationException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(ApiTokenInfo token)
    {
        _error = await Users.RevokeTokenAsync(token.Id, _userId, _userName, CancellationToken.None) ? null : "That token is not yours or no longer exists.";
        _created = null;
        await LoadAsync();
    }
}
