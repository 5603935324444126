using System.Net;
using System.Text.RegularExpressions;
using ImageLab.Data;
using ImageLab.Data.Hosting;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>
/// Sign-in cookies and antiforgery tokens are protected with data-protection keys kept in ImageLab's own database: a
/// cookie outlives a restart of the app (on PostgreSQL, and on the embedded SQLite store in the same data folder), and
/// web processes on one database accept each other's forms and cookies. Each process runs with its own empty HOME, as
/// each container has its own file system: otherwise the framework's default key folder
/// (<c>~/.aspnet/DataProtection-Keys</c>), which every process of one user on one machine shares, would hide what a
/// redeployed container or a second replica loses.
/// </summary>
public sealed partial class DataProtectionKeyTests : IDisposable
{
    private readonly List<string> _homes = [];

    [Theory]
    [InlineData(TestStoreKind.PostgreSql)]
    [InlineData(TestStoreKind.Sqlite)]
    public async Task SignInCookie_AppRestartedOnSameStore_StillSignedIn(TestStoreKind kind)
    {
        // Arrange: signed in through the real form of a first process
        await using var store = await TestStore.CreateAsync(kind);
        var cookies = new CookieContainer();
        var first = await AppProcess.StartAsync(store.ConnectionString, ProcessSettings(store));
        HttpStatusCode signedIn;
        HttpStatusCode beforeRestart;
        try
        {
            using var browser = Browser(first, cookies);
            using var signIn = await SignInAsync(browser, browser, first.AdminName, first.AdminPassword);
            signedIn = signIn.StatusCode;
            using var page = await browser.GetAsync(new Uri("/account", UriKind.Relative));
            beforeRestart = page.StatusCode;
        }
        finally
        {
            await first.DisposeAsync();
        }

        // Act: the process is killed and a new one starts on the same store and address, with a fresh file system
        await using var second = await AppProcess.StartAsync(store.ConnectionString, ProcessSettings(store), port: first.BaseAddress.Port);
        using var again = Browser(second, cookies);
        using var afterRestart = await again.GetAsync(new Uri("/account", UriKind.Relative));
        var nameAfterRestart = await SignedInNameAsync(again);
        var keys = await StoredKeysAsync(store);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, signedIn);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == "ImageLab.Auth");
        Assert.Equal(HttpStatusCode.OK, beforeRestart);
        Assert.True(afterRestart.StatusCode == HttpStatusCode.OK,
            $"After the restart the cookie got {(int)afterRestart.StatusCode} {afterRestart.Headers.Location} instead of the page.\n{second.Output}");
        Assert.Equal(first.AdminName, nameAfterRestart);
        var key = Assert.Single(keys);
        Assert.StartsWith("<key id=", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TwoWebProcessesOnOneDatabase_AcceptEachOthersFormAndCookie()
    {
        // Arrange: two web replicas on one PostgreSQL database, one browser
        await using var database = await PostgresDatabase.CreateAsync();
        await using var one = await AppProcess.StartAsync(database.ConnectionString, ProcessSettings(null), arguments: ["--role", "web"]);
        await using var two = await AppProcess.StartAsync(database.ConnectionString, ProcessSettings(null), arguments: ["--role", "web"]);
        var cookies = new CookieContainer();
        using var browserOne = Browser(one, cookies);
        using var browserTwo = Browser(two, cookies);

        // Act: the sign-in form comes from the first, is posted to the second, and the cookie the second sets goes back to the first
        using var signIn = await SignInAsync(browserOne, browserTwo, one.AdminName, one.AdminPassword);
        using var pageOnOne = await browserOne.GetAsync(new Uri("/account", UriKind.Relative));
        using var pageOnTwo = await browserTwo.GetAsync(new Uri("/account", UriKind.Relative));
        var nameOnOne = await SignedInNameAsync(browserOne);

        // Assert
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect,
            $"The second process answered the first one's form with {(int)signIn.StatusCode}:\n{await signIn.Content.ReadAsStringAsync()}\n{two.Output}");
        Assert.Equal(HttpStatusCode.OK, pageOnOne.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageOnTwo.StatusCode);
        Assert.Equal(one.AdminName, nameOnOne);
    }

    public void Dispose()
    {
        foreach (var home in _homes.Where(Directory.Exists))
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Selects the store (the data folder for SQLite) and gives the process a HOME of its own.</summary>
    private Dictionary<string, string> ProcessSettings(TestStore? store)
    {
        var home = Directory.CreateTempSubdirectory("imagelab-home-").FullName;
        _homes.Add(home);
        var settings = new Dictionary<string, string> { ["HOME"] = home };
        if (store?.DataDirectory is { } folder)
        {
            settings["Database:DataDirectory"] = folder;
        }

        return settings;
    }

    /// <summary>A cookie-keeping client of one process that sees redirects instead of following them.</summary>
    private static HttpClient Browser(AppProcess app, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    /// <summary>Reads <c>/account/login</c> through <paramref name="formFrom"/> and posts it, filled in, through <paramref name="postTo"/>.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient formFrom, HttpClient postTo, string name, string password)
    {
        using var form = await formFrom.GetAsync(new Uri("/account/login", UriKind.Relative));
        form.EnsureSuccessStatusCode();
        var antiforgery = AntiforgeryField().Match(await form.Content.ReadAsStringAsync());
        Assert.True(antiforgery.Success, "The sign-in page holds no antiforgery token.");
        return await postTo.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
            ["Input.UserName"] = name,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Who the cookie signs in, as the sign-out page says it (<c>/account</c> itself renders in the circuit).</summary>
    private static async Task<string?> SignedInNameAsync(HttpClient browser)
    {
        using var page = await browser.GetAsync(new Uri("/account/logout", UriKind.Relative));
        var name = SignedInAs().Match(await page.Content.ReadAsStringAsync());
        return name.Success ? WebUtility.HtmlDecode(name.Groups[1].Value) : null;
    }

    /// <summary>The key ring's rows in the store, read as the app reads its store.</summary>
    private static async Task<List<string>> StoredKeysAsync(TestStore store)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(store.Settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddImageLabData(configuration).BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<ImageLabDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("Signed in as <b>([^<]+)</b>")]
    private static partial Regex SignedInAs();
}
