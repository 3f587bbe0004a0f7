using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Medarbejdergrundlag.Web.Security;

public sealed class SignInOptions
{
    /// <summary>True where /konto/log-ind offers the development personas.</summary>
    public bool PersonasEnabled { get; init; }

    /// <summary>The OpenID Connect authority, when one is configured.</summary>
    public string? Authority { get; init; }
}

internal static class AuthenticationSetup
{
    public const string CookieName = "mg.session";

    public static void AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var authority = builder.Configuration["Authentication:Oidc:Authority"];
        var hasAuthority = !string.IsNullOrWhiteSpace(authority);
        if (builder.Environment.IsProduction() && !hasAuthority)
        {
            throw new InvalidOperationException(
                "Authentication:Oidc:Authority is not set. In Production the portal signs users in only through " +
                "the municipality's OpenID Connect provider, so it will not start without one. Set " +
                "Authentication__Oidc__Authority (and ClientId/ClientSecret) in the environment; see docs/operations.md.");
        }

        // Personas exist only for development: never in Production, and gone once a real provider is configured.
        builder.Services.AddSingleton(new SignInOptions
        {
            PersonasEnabled = !builder.Environment.IsProduction() && !hasAuthority,
            Authority = hasAuthority ? authority : null,
        });

        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/konto/log-ind";
                options.LogoutPath = "/konto/log-ud";
                // A signed-in user without access gets a 403 and the Danish error page at the same URL,
                // not a redirect that loses where they were.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PortalRoles.EditorPolicy, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Editor))
            .AddPolicy(PortalRoles.LeaderPolicy, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Leader, PortalRoles.Editor));

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "mg.af";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }
}
