using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Medarbejdergrundlag.Web.Security.Sessions;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Security;

public sealed class SignInOptions
{
    /// <summary>True where /konto/log-ind offers the development personas.</summary>
    public bool PersonasEnabled { get; init; }

    /// <summary>The OpenID Connect authority, when one is configured.</summary>
    public string? Authority { get; init; }

    /// <summary>True when employees sign in through the OpenID Connect provider.</summary>
    public bool OidcEnabled => Authority is not null;
}

internal static class AuthenticationSetup
{
    public const string CookieName = "mg.session";
    public const string OidcScheme = "OpenIdConnect";
    public const string OidcSection = "Authentication:Oidc";

    public static void AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var authority = builder.Configuration["Authentication:Oidc:Authority"];
        var hasAuthority = !string.IsNullOrWhiteSpace(authority);
        if (builder.Environment.IsProduction() && !hasAuthority)
        {
            throw new InvalidOperationException(
                "Authentication:Oidc:Authority is not set. In Production the portal signs users in only through " +
                "the municipality's OpenID Connect provider, so it will not start without one. Set " +
                "Authentication__Oidc__Authority (and ClientId/ClientSecret) in the environment; see docs/sign-in.md.");
        }

        builder.Services.AddSingleton(new SignInOptions
        {
            PersonasEnabled = PersonasEnabled(builder.Configuration, builder.Environment, hasAuthority),
            Authority = hasAuthority ? authority : null,
        });

        builder.Services.AddSingleton<PersonaGate>();
        var sessions = builder.Configuration.GetSection(PortalSessionOptions.Section).Get<PortalSessionOptions>() ?? new PortalSessionOptions();
        builder.Services.AddSingleton(sessions);
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddHostedService<SessionEndWatcher>();
        // The cookie carries a session key; the ticket stays on the server (personas and provider sign-ins alike).
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<SessionStore>((options, store) => options.SessionStore = store);
        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            // A page that needs a signed-in user sends the browser to /konto/log-ind, which carries the
            // published page's link preview (Teams and Outlook unfurl without signing in) and, with a
            // provider, goes straight on to it.
            options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultForbidScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            // Over HTTPS the session cookie is __Host-mg.session: Secure, Path=/, no Domain.
            options.CookieManager = new HostPrefixCookieManager();
            options.LoginPath = "/konto/log-ind";
            options.LogoutPath = "/konto/log-ud";
            // A signed-in user without access gets a 403 and the Danish error page at the same URL,
            // not a redirect that loses where they were.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.ExpireTimeSpan = sessions.Lifetime;
            options.SlidingExpiration = true;
        });

        DecorateSignIn(builder.Services);

        // After AddCookie's own post-configuration, which makes the data format this wraps.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, AdoptLegacyCookies>());

        if (hasAuthority)
        {
            OidcSetup.AddPortalOidc(builder, authentication);
            builder.Services.AddSingleton<BackChannelLogout>();
        }

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PortalRoles.EditorPolicy, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Editor))
            .AddPolicy(PortalRoles.LeaderPolicy, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Leader, PortalRoles.Editor))
            .AddPolicy(PortalRoles.ApproverPolicy, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Editor).RequireRole(PortalRoles.Approver));

        builder.Services.AddAntiforgery(options =>
        {
            // Under HTTPS it goes out as __Host-mg.af (SecurityHeaders), which needs Path=/ and Secure.
            options.Cookie.Name = SecurityHeaders.AntiforgeryCookie;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    /// <summary>The endpoints sign-in needs beside the handlers': back-channel logout, with a provider.</summary>
    public static void MapPortalSignIn(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SignInOptions>().OidcEnabled)
        {
            var path = NullIfEmpty(app.Configuration[OidcSection + ":BackChannelLogoutPath"]) ?? BackChannelLogout.DefaultPath;
            app.MapPost(path, (HttpContext context, BackChannelLogout logout) => logout.HandleAsync(context)).AllowAnonymous();
        }
    }

    /// <summary>Every sign-in goes through <see cref="FreshSessionSignIn"/>, around the framework's own service.</summary>
    private static void DecorateSignIn(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IAuthenticationService));
        var implementation = original.ImplementationType
            ?? throw new InvalidOperationException("The authentication service is expected to be registered by type.");
        services.Remove(original);
        services.Add(ServiceDescriptor.Scoped<IAuthenticationService>(provider => ActivatorUtilities.CreateInstance<FreshSessionSignIn>(
            provider, (IAuthenticationService)ActivatorUtilities.CreateInstance(provider, implementation))));
    }

    public const string PersonasSetting = "Authentication:Personas:Enabled";

    /// <summary>
    /// Personas exist for development and for the load benchmark, never in Production. Development
    /// offers them by default; any other environment (the benchmark's "Benchmark") only when
    /// <see cref="PersonasSetting"/> says so. Production refuses the setting rather than ignoring it,
    /// so a copied benchmark configuration cannot go unnoticed. A real provider removes them.
    /// </summary>
    private static bool PersonasEnabled(IConfiguration configuration, IHostEnvironment environment, bool hasAuthority)
    {
        var setting = configuration.GetValue<bool?>(PersonasSetting);
        if (environment.IsProduction() && setting == true)
        {
            throw new InvalidOperationException(
                $"{PersonasSetting}=true is not allowed in Production: the personas let anyone sign in as anyone, HR editors " +
                "included. They exist for development and the load benchmark only. Remove the setting " +
                "(Authentication__Personas__Enabled) from the production configuration.");
        }

        if (hasAuthority)
        {
            return false;
        }

        return environment.IsProduction() ? false : setting ?? environment.IsDevelopment();
    }

    internal static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // Accepts both a JSON array and one space- or comma-separated string (handy in an environment variable).
    internal static string[] Values(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.GetChildren().Select(c => c.Value).Append(child.Value);
        return values
            .SelectMany(v => (v ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
    }
}
