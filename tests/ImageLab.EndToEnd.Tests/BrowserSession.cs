using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>The machine's Chromium driven by Playwright (never a downloaded browser), and where screenshots go.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        Playwright = playwright;
        Browser = browser;
    }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(ImageLab.Testing.TestEnvironment.RepositoryRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static async Task<BrowserSession> StartAsync()
    {
        var executable = Environment.GetEnvironmentVariable("IMAGELAB_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not at {executable}: install it with scripts/services.sh install (or set IMAGELAB_CHROMIUM).");
        }

        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A page in a new browser context, signed in through the sign-in form as the app's admin.</summary>
    public async Task<IPage> NewPageAsync(ImageLab.Testing.AppProcess app, string theme = "light")
    {
        ArgumentNullException.ThrowIfNull(app);
        var page = await NewAnonymousPageAsync(app.BaseAddress, theme);
        await SignInAsync(page, app.AdminName, app.AdminPassword);
        return page;
    }

    /// <summary>A page in a new browser context that has not signed in.</summary>
    public async Task<IPage> NewAnonymousPageAsync(Uri baseAddress, string theme = "light")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        await context.AddInitScriptAsync($"localStorage.setItem('imagelab-theme', '{theme}');");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Fills and posts the sign-in form, then waits for the experiments page.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-action=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
