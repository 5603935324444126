using ImageLab.Data;
using ImageLab.Data.Entities;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Hosting;

/// <summary>
/// Sign-in and authorization: ASP.NET Core Identity's cookie for people, API tokens for programs (see
/// <see cref="ApiTokenAuthenticationHandler"/>), optional OpenID Connect, and the policies of <see cref="ImageLabPolicies"/>.
/// </summary>
public static class AuthenticationHostingExtensions
{
    /// <summary>The default scheme: forwards to the token handler when a request carries a token, else to the cookie.</summary>
    public const string CookieOrToken = "CookieOrToken";

    public const string LoginPath = "/account/login";

    /// <summary>The data-protection application name of every ImageLab process, so that they all use one key ring.</summary>
    public const string DataProtectionApplicationName = "ImageLab";

    /// <summary>Identity's user store, user manager and roles over ImageLab's database (also used by the <c>users</c> command).</summary>
    public static IdentityBuilder AddImageLabIdentity(this IServiceCollection services)
    {
        // Identity's stores take the context by injection; each scope borrows one from the pooled factory.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<ImageLabDbContext>>().CreateDbContext());
        // Sign-in cookies and antiforgery tokens are protected with keys kept in the store's data_protection_keys table
        // under one application name, so that they outlive restarts and every web process reads the others'. The key
        // repository resolves the scoped context above: the store's own type (SqliteImageLabDbContext on the embedded store).
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<ImageLabDbContext>();
        services.AddSingleton<UserAdministration>();
        return services.AddIdentityCore<ImageLabUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ImageLabDbContext>()
            .AddDefaultTokenProviders();
    }

    public static IServiceCollection AddImageLabAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var openIdConnect = OpenIdConnectSettings.Read(configuration);
        services.AddSingleton(openIdConnect);
        services.AddImageLabIdentity().AddSignInManager();
        services.AddCascadingAuthenticationState();
        // Open pages re-check their user every 30 s; admin and submit actions re-check at the moment they act.
        services.AddSingleton<ICallerAuthorization, CallerAuthorization>();
        services.AddSingleton<SignInThrottle>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((identity, security) =>
            identity.Lockout.MaxFailedAccessAttempts = security.Value.SignInFailuresPerAccount);
        services.AddSingleton<SetupToken>();
        services.AddHostedService<SetupAnnouncement>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationState>();
        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrToken;
                options.DefaultChallengeScheme = CookieOrToken;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(CookieOrToken, "Cookie or API token", options => options.ForwardDefaultSelector = ApiTokenAuthenticationHandler.SelectScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = "ImageLab.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure on HTTPS, which behind a proxy is the scheme a trusted proxy forwards (see ProxyExtensions).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(7);
        });
        // A disabled user or a changed role reaches open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        if (openIdConnect.Enabled)
        {
            authentication.AddOpenIdConnect(OpenIdConnectSettings.Scheme, openIdConnect.DisplayName, options =>
            {
                options.Authority = openIdConnect.Authority;
                options.ClientId = openIdConnect.ClientId;
                options.ClientSecret = openIdConnect.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.SaveTokens = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.RequireHttpsMetadata = openIdConnect.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                options.Scope.Add("profile");
                options.Scope.Add("email");
            });
        }

        services.AddAuthorization(ImageLabPolicies.Configure);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        return services;
    }

    public static WebApplication UseImageLabAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
