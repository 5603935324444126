using ImageLab.Core.Security;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImageLab.Web.Components.Pages.Admin;

/// <summary>Admins list users, create them, change their role and disable or enable them.</summary>
public sealed partial class UsersPage
{
    private IReadOnlyList<UserInfo> _users = [];
    private string? _error;
    private string? _newName;
    private string? _newPassword;
    private string _newRole = ImageLabRoles.Member;
    private string _actor = "";

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private UserAdministration Users { get; set; } = default!;

    [Inject]
    private ICallerAuthorization Callers { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await Authentication).User.Identity?.Name ?? "";
        await LoadAsync();
    }

    private async Task LoadAsync() => _users = await Users.ListAsync(CancellationToken.None);

    private Task CreateAsync() => RunAsync(async () =>
    {
        await Users.CreateAsync(_newName ?? "", _newRole, string.IsNullOrEmpty(_newPassword) ? null : _newPassword, _actor, CancellationToken.None);
        _newName = _newPassword = null;
    });

    private Task SetRoleAsync(UserInfo user, string role) => RunAsync(() => Users.SetRoleAsync(user.Name, role, _actor, CancellationToken.None));

    private Task SetEnabledAsync(UserInfo user, bool enabled) => RunAsync(() => Users.SetDisabledAsync(user.Name, !enabled, _actor, CancellationToken.None));

    private async Task RunAsync(Func<Task> change)
    {
        _error = null;
        try
        {
            // The page may have been open since before this admin was disabled or demoted: ask the database now.
            await Callers.EnsureAsync(_actor, ICallerAuthorization.Admins, "manage users", CancellationToken.None);
            await change();
        }
        catch (Exception e) when (e is UserAdministrationException or CallerNotAllowedException)
        {
            _error = e.Message;
        }

        await LoadAsync();
    }
}
