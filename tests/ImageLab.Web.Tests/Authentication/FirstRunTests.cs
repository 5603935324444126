using System.Net;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Authentication;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>
/// The first-run page on a database without users: without the one-time token the server printed it only says where
/// the token is and creates nothing; with it, it creates the first admin once, then refuses.
/// </summary>
public sealed class FirstRunTests(FirstRunTests.EmptyFactory factory) : IClassFixture<FirstRunTests.EmptyFactory>
{
    [Fact]
    public async Task Setup_NoUserYet_CreatesAdminOnceWithTheTokenThenRefuses()
    {
        // Arrange
        using var browser = factory.CreateClientWithToken(null, followRedirects: false);
        using var login = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
        var token = factory.GetService<SetupToken>().Value;
        var withoutToken = await PageForm.OpenSetupAsync(browser, token: null);
        var wrongToken = await PageForm.OpenSetupAsync(browser, token: "0123456789abcdef0123");
        var form = await PageForm.OpenSetupAsync(browser, token);

        // Act
        using var refused = await form.PostSetupAsync("no-token-admin", address: "/setup");
        var usersAfterRefusal = await factory.GetService<UserAdministration>().ListAsync(CancellationToken.None);
        using var created = await form.PostSetupAsync("first-admin");
        using var signedIn = await browser.GetAsync(new Uri("/", UriKind.Relative));
        using var again = await browser.GetAsync(new Uri($"/setup?token={token}", UriKind.Relative));
        using var secondPost = await form.PostSetupAsync("intruder");
        var users = await factory.GetService<UserAdministration>().ListAsync(CancellationToken.None);

        // Assert
        Assert.Equal("/setup", PageForm.Location(login));
        Assert.Contains("needs the one-time token the server printed", withoutToken.Page, StringComparison.Ordinal);
        Assert.DoesNotContain("create-admin", withoutToken.Page, StringComparison.Ordinal);
        Assert.DoesNotContain("create-admin", wrongToken.Page, StringComparison.Ordinal);
        Assert.Contains("create-admin", form.Page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("needs the one-time token the server printed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(usersAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/", PageForm.Location(created));
        Assert.Contains(created.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ImageLab.Auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("/account/login", PageForm.Location(again));
        Assert.NotEqual(HttpStatusCode.OK, secondPost.StatusCode);
        var only = Assert.Single(users);
        Assert.Equal(("first-admin", ImageLabRoles.Admin), (only.Name, only.Role));
    }

    /// <summary>A database without any user: clients carry no token (creating one would create a user).</summary>
    public sealed class EmptyFactory : ImageLabWebFactory
    {
        protected override bool AuthenticateClients => false;
    }
}
