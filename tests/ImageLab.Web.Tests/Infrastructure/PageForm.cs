using System.Text.RegularExpressions;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>A statically rendered form (sign-in, first run) as a browser posts it: opened once (its antiforgery field and cookie), then posted.</summary>
public sealed partial class PageForm
{
    private readonly HttpClient _browser;
    private readonly string _address;
    private readonly string _antiforgery;

    private PageForm(HttpClient browser, string address, string antiforgery, string page)
    {
        _browser = browser;
        _address = address;
        _antiforgery = antiforgery;
        Page = page;
    }

    /// <summary>The page's HTML as the first GET answered it.</summary>
    public string Page { get; }

    /// <summary>Opens the page at <paramref name="address"/> in <paramref name="browser"/>, which keeps cookies.</summary>
    public static async Task<PageForm> OpenAsync(HttpClient browser, string address)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var response = await browser.GetAsync(new Uri(address, UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();
        return new PageForm(browser, address, AntiforgeryField().Match(page).Groups[1].Value, page);
    }

    /// <summary>Opens <c>/setup</c>, with <paramref name="token"/> in its address when given.</summary>
    public static Task<PageForm> OpenSetupAsync(HttpClient browser, string? token) =>
        OpenAsync(browser, token is null ? "/setup" : $"/setup?token={Uri.EscapeDataString(token)}");

    /// <summary>Posts the form named <paramref name="formName"/> with <c>Input.*</c> <paramref name="fields"/> to where it was opened (or to <paramref name="address"/>).</summary>
    public Task<HttpResponseMessage> PostAsync(string formName, IReadOnlyDictionary<string, string> fields, string? address = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = new Dictionary<string, string> { ["_handler"] = formName, ["__RequestVerificationToken"] = _antiforgery };
        foreach (var (name, value) in fields)
        {
            form[$"Input.{name}"] = value;
        }

        return _browser.PostAsync(new Uri(address ?? _address, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>Posts the first-run form for an admin named <paramref name="name"/>.</summary>
    public Task<HttpResponseMessage> PostSetupAsync(string name, string? address = null) =>
        PostAsync("setup", new Dictionary<string, string> { ["UserName"] = name, ["Password"] = "correct horse battery", ["ConfirmPassword"] = "correct horse battery" }, address);

    /// <summary>Where a redirect answer sends, as a path (null for another answer).</summary>
    public static string? Location(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
