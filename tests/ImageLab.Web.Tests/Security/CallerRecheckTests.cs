using System.Security.Claims;
using System.Text;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Authentication;
using ImageLab.Web.Intake;
using ImageLab.Web.Tests.Infrastructure;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Web.Tests.Security;

/// <summary>
/// Rights taken away reach what an open page still holds: the submit action asks the real database at the moment it
/// runs, and the dashboard's authentication state finds a disabled or demoted user out on its next check.
/// </summary>
public sealed class CallerRecheckTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    [Fact]
    public async Task Submit_MemberDemotedAfterOpeningThePage_IsRefusedNamingTheRole()
    {
        // Arrange: the page captured the member's name when it opened; an admin demotes the member since
        var users = factory.GetService<UserAdministration>();
        var name = $"member-{Guid.NewGuid():N}"[..16];
        await users.CreateAsync(name, ImageLabRoles.Member, password: null, "tests", CancellationToken.None);
        await users.SetRoleAsync(name, ImageLabRoles.Viewer, "tests", CancellationToken.None);
        using var upload = await UploadAsync();

        // Act
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() =>
            factory.GetService<ExperimentIntake>().SubmitAsync(
                new IntakeRequest { Upload = upload, SubmittedBy = name, Project = "recheck" }, MemberAsSignedIn(name), CancellationToken.None));

        // Assert
        Assert.Contains($"{name} may no longer submit experiments", refused.Message, StringComparison.Ordinal);
        Assert.Contains("is now viewer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_MemberDisabledAfterOpeningThePage_IsRefused()
    {
        // Arrange
        var users = factory.GetService<UserAdministration>();
        var name = $"member-{Guid.NewGuid():N}"[..16];
        await users.CreateAsync(name, ImageLabRoles.Member, password: null, "tests", CancellationToken.None);
        await users.SetDisabledAsync(name, disabled: true, "tests", CancellationToken.None);
        using var upload = await UploadAsync();

        // Act
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() =>
            factory.GetService<ExperimentIntake>().SubmitAsync(
                new IntakeRequest { Upload = upload, SubmittedBy = name, Project = "recheck" }, MemberAsSignedIn(name), CancellationToken.None));

        // Assert
        Assert.Contains("disabled", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticationState_AdminDisabledOrDemoted_IsNoLongerCurrent()
    {
        // Arrange: the claims a sign-in cookie carries, for three admins; one is then disabled and one demoted
        var users = factory.GetService<UserAdministration>();
        var names = Enumerable.Range(0, 3).Select(_ => $"admin-{Guid.NewGuid():N}"[..16]).ToList();
        foreach (var name in names)
        {
            await users.CreateAsync(name, ImageLabRoles.Admin, password: null, "tests", CancellationToken.None);
        }

        await users.SetDisabledAsync(names[1], disabled: true, "tests", CancellationToken.None);
        await users.SetRoleAsync(names[2], ImageLabRoles.Member, "tests", CancellationToken.None);
        await using var scope = factory.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var callers = factory.GetService<ICallerAuthorization>();

        // Act
        var current = new List<bool>();
        foreach (var name in names)
        {
            current.Add(await callers.IsCurrentAsync(SignedIn(name, ImageLabRoles.Admin), CancellationToken.None));
        }

        // Assert
        Assert.IsType<RevalidatingAuthenticationState>(provider);
        Assert.Equal([true, false, false], current);
        Assert.Equal(TimeSpan.FromSeconds(30), RevalidatingAuthenticationState.Interval);
    }

    private static ClaimsPrincipal SignedIn(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "Identity.Application", ClaimTypes.Name, ClaimTypes.Role));

    private static async Task<SpooledUpload> UploadAsync()
    {
        var upload = SpooledUpload.Create();
        using var dockerfile = new MemoryStream(Encoding.UTF8.GetBytes("FROM busybox:1.36\nRUN true\n"));
        await upload.AddFileAsync("Dockerfile", dockerfile, 1024 * 1024, CancellationToken.None);
        return upload;
    }

    // The claims the member's open page still carries: signed in as a member, whatever the database says now.
    private static ClaimsPrincipal MemberAsSignedIn(string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, ImageLabRoles.Member)], "cookie"));
}
