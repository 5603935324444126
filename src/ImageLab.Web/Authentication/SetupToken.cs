using System.Security.Cryptography;
using System.Text;
using ImageLab.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Authentication;

/// <summary>
/// The one-time token that <c>/setup</c> asks for before it creates the first admin, as Jupyter's: whoever can read the
/// server's start-up log (or its configuration) may set ImageLab up, not whoever reaches the page first.
/// <c>Security:SetupToken</c> when set, else a random one made by this process.
/// </summary>
public sealed class SetupToken(IOptions<SecurityOptions> options)
{
    public const string QueryName = "token";

    public string Value { get; } = options.Value.SetupToken is { Length: > 0 } configured
        ? configured
        : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>Whether <paramref name="candidate"/> is the token (compared in constant time).</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));

    /// <summary>The setup page's address on <paramref name="baseAddress"/>, with the token.</summary>
    public string SetupUrl(string baseAddress) => $"{baseAddress.TrimEnd('/')}/setup?{QueryName}={Value}";
}
