using Microsoft.AspNetCore.Authentication.Cookies;

namespace Medarbejdergrundlag.Web.Security;

/// <summary>
/// Gives a cookie the <c>__Host-</c> prefix whenever the request came over HTTPS. The browser then
/// accepts it only as Secure, for Path=/ and without a Domain, so no subdomain can set or shadow it.
/// Over plain HTTP (development on loopback) the prefix would make the browser drop the cookie.
/// </summary>
internal sealed class HostPrefixCookieManager : ICookieManager
{
    public const string Prefix = "__Host-";

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) =>
        _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, NameFor(context, key), value, Adjust(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, NameFor(context, key), Adjust(context, options));

    private static string NameFor(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    private static CookieOptions Adjust(HttpContext context, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }

        return options;
    }
}
