using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Security.Sessions;

/// <summary>
/// Every sign-in gets a session key of its own. ASP.NET's cookie handler, asked to sign in on a
/// request that already carries a session cookie, renews that session under the same key, so a copy
/// of the earlier cookie (the previous user's on a shared PC, or one planted by an attacker) would
/// become the new user's session. Here, a sign-in on such a request first signs the old session out
/// (ending it on every instance, and keeping its handler from writing a refreshed cookie), then signs
/// in on a handler that has not read the request's cookie, so the session store mints a new key.
/// Persona and OpenID Connect sign-ins both come through here, as every sign-in does.
/// </summary>
internal sealed class FreshSessionSignIn(
    IAuthenticationService inner, IAuthenticationSchemeProvider schemes, IClaimsTransformation transform,
    IOptions<AuthenticationOptions> options) : IAuthenticationService
{
    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => inner.AuthenticateAsync(context, scheme);

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        inner.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        inner.ForbidAsync(context, scheme, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        inner.SignOutAsync(context, scheme, properties);

    public async Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties)
    {
        scheme ??= (await schemes.GetDefaultSignInSchemeAsync())?.Name;
        if (scheme != CookieAuthenticationDefaults.AuthenticationScheme)
        {
            await inner.SignInAsync(context, scheme, principal, properties);
            return;
        }

        // Reading the cookie is what tells whether the request carries a live session (the store
        // notes its id); the authentication middleware has normally done so already.
        await inner.AuthenticateAsync(context, scheme);
        if (context.Items[SessionStore.CurrentSessionItem] is not string)
        {
            await inner.SignInAsync(context, scheme, principal, properties);
            return;
        }

        await inner.SignOutAsync(context, scheme, new AuthenticationProperties());
        context.Items.Remove(SessionStore.CurrentSessionItem);
        // The sign-out's deletion of the cookie would stand beside the new one; the new one replaces it.
        var cookie = (context.Request.IsHttps ? HostPrefixCookieManager.Prefix : "") + AuthenticationSetup.CookieName + "=";
        context.Response.Headers.SetCookie = context.Response.Headers.SetCookie
            .Where(value => value is null || !value.StartsWith(cookie, StringComparison.Ordinal)).ToArray();

        // A handler provider of its own gives a handler that reads the (now ended) session afresh.
        var fresh = new AuthenticationService(schemes, new AuthenticationHandlerProvider(schemes), transform, options);
        await fresh.SignInAsync(context, scheme, principal, properties);
    }
}
