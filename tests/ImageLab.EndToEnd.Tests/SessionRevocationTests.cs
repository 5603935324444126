using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>Rights taken away reach pages that are already open, in Chromium against the real app process and database.</summary>
public sealed class SessionRevocationTests
{
    [Fact]
    public async Task UsersPage_AdminDisabledByAnotherAdminWhileOpen_CannotCreateAUserAndLosesThePage()
    {
        // Arrange: two admins; the app's admin has /admin/users open
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        const string otherPassword = "other-admin-password";
        var other = "other-" + Guid.NewGuid().ToString("N")[..8];
        var added = await AppProcess.RunUsersCommandAsync(database.ConnectionString, ["add", other, "--role", "admin", "--password-stdin"], otherPassword);
        Assert.True(added.ExitCode == 0, added.Error);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=users]")).ToContainTextAsync(other);

        // Act: the other admin disables the app's admin from their own page...
        var otherPage = await browser.NewAnonymousPageAsync(app.BaseAddress);
        await BrowserSession.SignInAsync(otherPage, other, otherPassword);
        await otherPage.GotoAsync("/admin/users");
        var row = otherPage.Locator("[data-testid=users] tr", new() { HasText = app.AdminName });
        await row.Locator("input[type=checkbox]").ClickAsync(new() { Force = true });
        await Assertions.Expect(row).ToContainTextAsync("disabled");

        // ...then the disabled admin's open page tries to create a user
        var mallory = "mallory-" + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("input[data-field=new-user]").FillAsync(mallory);
        await page.ClickAsync("[data-action=create-user]");
        await Assertions.Expect(page.Locator("[data-testid=users-error]")).ToContainTextAsync("may no longer manage users");
        await BrowserSession.ScreenshotAsync(page, "users-disabled-admin-refused");
        var listed = await AppProcess.RunUsersCommandAsync(database.ConnectionString, ["list"]);

        // Assert: nobody was created, and within the revalidation interval (30 s) the open page lets go of the admin
        Assert.DoesNotContain(mallory, listed.Output, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=users]")).ToHaveCountAsync(0, new() { Timeout = 45_000 });
    }
}
