using System.Net;
using System.Text.RegularExpressions;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Authentication;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>The first-run page on a database without users: it creates the first admin once, then refuses.</summary>
public sealed partial class FirstRunTests(FirstRunTests.EmptyFactory factory) : IClassFixture<FirstRunTests.EmptyFactory>
{
    [Fact]
    public async Task Setup_NoUserYet_CreatesAdminOnceThenRefuses()
    {
        // Arrange
        using var browser = factory.CreateClientWithToken(null, followRedirects: false);
        using var login = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
        using var form = await browser.GetAsync(new Uri("/setup", UriKind.Relative));
        var antiforgery = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;

        // Act
        using var created = await PostSetupAsync(browser, antiforgery, "first-admin");
        using var signedIn = await browser.GetAsync(new Uri("/", UriKind.Relative));
        using var again = await browser.GetAsync(new Uri("/setup", UriKind.Relative));
        using var secondPost = await PostSetupAsync(browser, antiforgery, "intruder");
        var users = await factory.GetService<UserAdministration>().ListAsync(CancellationToken.None);

        // Assert
        Assert.Equal("/setup", Location(login));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/", Location(created));
        Assert.Contains(created.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ImageLab.Auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("/account/login", Location(again));
        Assert.NotEqual(HttpStatusCode.OK, secondPost.StatusCode);
        var only = Assert.Single(users);
        Assert.Equal(("first-admin", ImageLabRoles.Admin), (only.Name, only.Role));
    }

    private static string? Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : null;

    private static Task<HttpResponseMessage> PostSetupAsync(HttpClient browser, string antiforgery, string name) =>
        browser.PostAsync(new Uri("/setup", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = antiforgery,
            ["Input.UserName"] = name,
            ["Input.Password"] = "correct horse battery",
            ["Input.ConfirmPassword"] = "correct horse battery",
        }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A database without any user: clients carry no token (creating one would create a user).</summary>
    public sealed class EmptyFactory : ImageLabWebFactory
    {
        protected override bool AuthenticateClients => false;
    }
}
