using System.Net;
using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>Sign-in through the real form in Chromium, tokens made on the account page, the admin pages; screenshots of each.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task SignIn_Form_WrongPasswordSaysSoThenSignsInAndMakesAWorkingToken()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewAnonymousPageAsync(app.BaseAddress);

        // Act: a page before sign-in goes to the form; a wrong password is refused with a sentence
        await page.GotoAsync("/experiments/new");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2Fexperiments%2Fnew"));
        await BrowserSession.ScreenshotAsync(page, "sign-in");
        await page.FillAsync("#username", app.AdminName);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("[data-action=sign-in]");
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("wrong");
        await page.FillAsync("#username", app.AdminName);
        await page.FillAsync("#password", app.AdminPassword);
        await page.ClickAsync("[data-action=sign-in]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/experiments/new$"));
        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToContainTextAsync(app.AdminName);

        // ...makes a token on the account page and sees the admin pages
        await page.GotoAsync("/account");
        await page.Locator("input[data-field=token-name]").FillAsync("e2e");
        await page.ClickAsync("[data-action=create-token]");
        var token = (await page.Locator("[data-testid=token-text]").InnerTextAsync()).Trim();
        await BrowserSession.ScreenshotAsync(page, "account-tokens");
        using var client = app.CreateClient(token);
        using var response = await client.GetAsync(new Uri("/api/experiments", UriKind.Relative));
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=users]")).ToContainTextAsync(app.AdminName);
        await BrowserSession.ScreenshotAsync(page, "admin-users");
        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.Locator("[data-testid=audit]")).ToContainTextAsync("token.created");
        await BrowserSession.ScreenshotAsync(page, "admin-audit");
        await page.GotoAsync("/admin/engine");
        await Assertions.Expect(page.Locator("[data-testid=disk-usage]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "admin-engine");

        // ...and signs out
        await page.GotoAsync("/account/logout");
        await page.ClickAsync("[data-action=sign-out]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.GotoAsync("/");

        // Assert
        Assert.StartsWith("il_", token, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
