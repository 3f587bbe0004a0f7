using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Medarbejdergrundlag.Web.Security;

internal static class SecurityHeaders
{
    // Everything the portal serves comes from its own origin: no inline script or style, no CDNs.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy with the identity provider added to form-action: the sign-in and sign-out forms
    /// answer with a redirect to the provider, and browsers hold the whole redirect chain to form-action.
    /// </summary>
    public static string PolicyFor(string? authority) =>
        ProviderOrigin(authority) is { } origin
            ? ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    /// <summary>
    /// The policy for the front-channel logout path only: the provider loads it in a hidden iframe of
    /// its own sign-out page, so that one origin may frame it. Every other path keeps frame-ancestors 'none'.
    /// </summary>
    public static string FrontChannelPolicyFor(string authority) =>
        PolicyFor(authority).Replace("frame-ancestors 'none'", $"frame-ancestors {ProviderOrigin(authority)}", StringComparison.Ordinal);

    private static string? ProviderOrigin(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    /// <summary>
    /// HSTS for a year with subdomains (sent over HTTPS outside Development, see UseHsts), and no
    /// <c>Server</c> header telling the world which server and version answers.
    /// </summary>
    public static void AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        RequirePublicAddressInProduction(builder);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
    }

    public const string PublicBaseUrlSetting = "Portal:PublicBaseUrl";

    /// <summary>
    /// Absolute links (QR codes, the welcome email, og:url, calendar UIDs) must never come from the
    /// request's Host header in Production, where anyone can send any Host. So Production needs
    /// <c>Portal:PublicBaseUrl</c>, or AllowedHosts narrowed to the portal's own names (then the host
    /// filtering middleware answers 400 to any other Host before a link is built).
    /// </summary>
    private static void RequirePublicAddressInProduction(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return;
        }

        var configured = builder.Configuration[PublicBaseUrlSetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                throw new InvalidOperationException(
                    $"{PublicBaseUrlSetting} '{configured}' is not an absolute address. Give the portal's address as people use it, e.g. https://medarbejdergrundlag.odense.dk.");
            }

            return;
        }

        var hosts = (builder.Configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
        {
            throw new InvalidOperationException(
                $"{PublicBaseUrlSetting} is not set and AllowedHosts allows any host. In Production the portal never builds absolute links " +
                "(QR codes, the welcome email, og:url, calendar UIDs) from the request's Host header. Set Portal__PublicBaseUrl " +
                "(e.g. https://medarbejdergrundlag.odense.dk), or set AllowedHosts to the portal's own host names.");
        }
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var authority = services.GetRequiredService<SignInOptions>().Authority;
        var policy = PolicyFor(authority);
        PathString frontChannel = default;
        string? frontChannelPolicy = null;
        if (authority is not null)
        {
            frontChannel = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(AuthenticationSetup.OidcScheme).RemoteSignOutPath;
            frontChannelPolicy = FrontChannelPolicyFor(authority);
        }

        return app.Use((context, next) =>
        {
            if (context.Request.IsHttps)
            {
                HostPrefixAntiforgeryCookie(context);
            }

            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var framedByProvider = frontChannelPolicy is not null && frontChannel.HasValue && context.Request.Path.Equals(frontChannel);
                // A response with a policy of its own (the library's images: one that runs nothing) keeps it.
                if (headers.ContentSecurityPolicy.Count == 0)
                {
                    headers.ContentSecurityPolicy = framedByProvider ? frontChannelPolicy : policy;
                }

                if (!framedByProvider)
                {
                    headers.XFrameOptions = "DENY";
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";

                // A signed-in reader's pages carry their name, drafts and their own data: no cache may
                // keep them. Responses that chose their own caching (static assets, calendar feeds) keep it.
                if (context.User.Identity?.IsAuthenticated == true && !headers.ContainsKey(HeaderNames.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    public const string AntiforgeryCookie = "mg.af";

    /// <summary>
    /// Over HTTPS the antiforgery cookie travels as <c>__Host-mg.af</c> (Secure, Path=/, no Domain), so no
    /// subdomain can plant or shadow it; the antiforgery service itself knows it as <c>mg.af</c>. A plain
    /// <c>mg.af</c> arriving over HTTPS is dropped. Over plain HTTP (development on loopback) the prefix
    /// would make browsers drop the cookie, so it is left alone there.
    /// </summary>
    private static void HostPrefixAntiforgeryCookie(HttpContext context)
    {
        const string prefixed = HostPrefixCookieManager.Prefix + AntiforgeryCookie;
        var request = context.Request.Headers;
        if (request.Cookie.Count > 0 && CookieHeaderValue.TryParseList(request.Cookie, out var cookies))
        {
            request.Cookie = string.Join("; ", cookies
                .Where(c => c.Name != AntiforgeryCookie)
                .Select(c => c.Name == prefixed ? new CookieHeaderValue(AntiforgeryCookie, c.Value) : c)
                .Select(c => c.ToString()));
        }

        context.Response.OnStarting(() =>
        {
            var setCookie = context.Response.Headers.SetCookie;
            if (setCookie.Any(c => c is not null && c.StartsWith(AntiforgeryCookie + "=", StringComparison.Ordinal)))
            {
                context.Response.Headers.SetCookie = setCookie
                    .Select(c => c is not null && c.StartsWith(AntiforgeryCookie + "=", StringComparison.Ordinal) ? HostPrefixCookieManager.Prefix + c : c)
                    .ToArray();
            }

            return Task.CompletedTask;
        });
    }
}
