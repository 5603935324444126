using System.Net;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Authentication;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>
/// Security:SignInFailuresPerAccount: wrong passwords for one account lock that account, even for its right password,
/// while another account signs in from the same address (whose own limit is far away).
/// </summary>
public sealed class SignInAccountLockTests(SignInAccountLockTests.ThreeTriesFactory factory) : IClassFixture<SignInAccountLockTests.ThreeTriesFactory>
{
    private const string Password = "the right password";

    [Fact]
    public async Task SignIn_WrongPasswordsForOneAccount_LocksThatAccountOnly()
    {
        // Arrange
        var users = factory.GetService<UserAdministration>();
        await users.CreateAsync("target", ImageLabRoles.Member, Password, "tests", CancellationToken.None);
        await users.CreateAsync("bystander", ImageLabRoles.Member, Password, "tests", CancellationToken.None);
        using var browser = factory.CreateClientWithToken(null, followRedirects: false);
        var form = await PageForm.OpenAsync(browser, "/account/login");

        // Act
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await SignInAsync(form, "target", $"guess {i}");
        }

        using var locked = await SignInAsync(form, "target", Password);
        using var other = await SignInAsync(form, "bystander", Password);

        // Assert
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked for a while after too many wrong passwords", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal("/", PageForm.Location(other));
    }

    private static Task<HttpResponseMessage> SignInAsync(PageForm form, string name, string password) =>
        form.PostAsync("login", new Dictionary<string, string> { ["UserName"] = name, ["Password"] = password });

    /// <summary>Accounts lock after three wrong passwords; one address may give many more.</summary>
    public sealed class ThreeTriesFactory : ImageLabWebFactory
    {
        protected override bool AuthenticateClients => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:SignInFailuresPerAccount"] = "3",
            ["Security:SignInFailuresPerAddress"] = "1000",
        };
    }
}
