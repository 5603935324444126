using System.Net;
using System.Text.RegularExpressions;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>
/// Two real web processes on one new PostgreSQL database, each printing its own setup address with its one-time token:
/// first runs racing through both create exactly one admin; the others are sent to sign-in.
/// </summary>
public sealed partial class FirstRunRaceTests
{
    private const int FormsPerProcess = 3;

    [Fact]
    public async Task Setup_RacingThroughTwoWebProcesses_CreatesExactlyOneAdmin()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var first = await AppProcess.StartAsync(database.ConnectionString, withAdmin: false);
        await using var second = await AppProcess.StartAsync(database.ConnectionString, withAdmin: false);
        var forms = new List<PageForm>();
        var browsers = new List<HttpClient>();
        foreach (var app in new[] { first, second })
        {
            var token = await PrintedTokenAsync(app);
            for (var i = 0; i < FormsPerProcess; i++)
            {
                var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress };
                browsers.Add(browser);
                forms.Add(await PageForm.OpenSetupAsync(browser, token));
            }
        }

        // Act
        var answers = await Task.WhenAll(forms.Select((form, i) => form.PostSetupAsync($"admin-{i}")));
        var (exitCode, listed, error) = await AppProcess.RunUsersCommandAsync(database.ConnectionString, ["list"]);

        // Assert
        Assert.All(forms, f => Assert.Contains("create-admin", f.Page, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers, a => PageForm.Location(a) == "/");
        Assert.Equal(forms.Count - 1, answers.Count(a => PageForm.Location(a) == "/account/login"));
        Assert.True(exitCode == 0, error);
        Assert.Single(UserLines().Matches(listed));
        foreach (var disposable in answers.Cast<IDisposable>().Concat(browsers))
        {
            disposable.Dispose();
        }
    }

    // The line the process logs once it listens, e.g. "create the first admin at http://127.0.0.1:PORT/setup?token=HEX".
    private static async Task<string> PrintedTokenAsync(AppProcess app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var printed = PrintedSetupUrl().Match(app.Output);
            if (printed.Success)
            {
                Assert.Equal(app.BaseAddress.GetLeftPart(UriPartial.Authority), printed.Groups["base"].Value);
                return printed.Groups["token"].Value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The app printed no setup address:\n{app.Output}");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"create the first admin at (?<base>http://[^/\s]+)/setup\?token=(?<token>[0-9a-f]+)")]
    private static partial Regex PrintedSetupUrl();

    [GeneratedRegex(@"^admin-\d", RegexOptions.Multiline)]
    private static partial Regex UserLines();
}
