using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>Wrong passwords from one address, through the real sign-in form in Chromium, against the app process.</summary>
public sealed class SignInThrottleTests
{
    [Fact]
    public async Task SignIn_TooManyWrongPasswordsFromOneAddress_RefusesEvenTheRightPasswordOfAnotherAccount()
    {
        // Arrange: an app that lets one address give three wrong passwords
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string> { ["Security:SignInFailuresPerAddress"] = "3" });
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewAnonymousPageAsync(app.BaseAddress);

        // Act: three accounts tried with wrong passwords, then the admin with the right one
        foreach (var name in new[] { "alice", "bob", "carol" })
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", name);
            await page.FillAsync("#password", "guessed-password");
            await page.ClickAsync("[data-action=sign-in]");
            await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("wrong");
        }

        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", app.AdminName);
        await page.FillAsync("#password", app.AdminPassword);
        await page.ClickAsync("[data-action=sign-in]");

        // Assert
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("Too many wrong passwords from this address");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
