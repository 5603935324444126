using ImageLab.Core.Security;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Authentication;

/// <summary>
/// The <c>Authentication:OpenIdConnect</c> section: optional sign-in through a company identity provider. Off unless
/// <see cref="Authority"/> is set; then <see cref="ClientId"/> is required and the sign-in page offers the provider.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public const string SectionName = "Authentication:OpenIdConnect";

    public const string Scheme = "oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in page's button says.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    /// <summary>The role of a user's first OpenID Connect sign-in (an admin can change it later).</summary>
    public string DefaultRole { get; set; } = ImageLabRoles.Viewer;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    internal static OpenIdConnectSettings Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        if (!settings.Enabled)
        {
            return settings;
        }

        if (!Uri.TryCreate(settings.Authority, UriKind.Absolute, out _))
        {
            throw Invalid($"{SectionName}:Authority '{settings.Authority}' is not an absolute URL (e.g. https://login.example.com/realms/team).");
        }

        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw Invalid($"{SectionName}:Authority is set but {SectionName}:ClientId is not: give the client id registered at the identity provider.");
        }

        if (ImageLabRoles.Parse(settings.DefaultRole) is not { } role)
        {
            throw Invalid($"{SectionName}:DefaultRole '{settings.DefaultRole}' is not a role: use admin, member or viewer.");
        }

        settings.DefaultRole = role;
        return settings;
    }

    private static OptionsValidationException Invalid(string sentence) => new(SectionName, typeof(OpenIdConnectSettings), [sentence]);
}
