using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Pages.Bekraeftelse;

/// <summary>A form's antiforgery field: its name and this reader's request token.</summary>
public sealed record FormToken(string FormFieldName, string Value);

/// <summary>
/// The reader's antiforgery request token for the confirm form. Making one encrypts (Data
/// Protection), which on the charter, a page served whole from memory, cost half its throughput; so
/// a token is remembered for the antiforgery cookie and user it was made for. Tokens are not
/// single-use: the same cookie and user always validate it, so reusing it within that pair weakens
/// nothing. A request without a valid cookie gets a fresh cookie and token, which are not remembered.
/// The memory is its own, bounded (<see cref="SizeLimit"/> tokens, the least used go first), and
/// keyed by a hash of cookie and user: a client sending endless made-up cookies cannot grow it
/// past that, and it holds no cookie value.
/// </summary>
public sealed class FormTokens(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options, long sizeLimit) : IDisposable
{
    public FormTokens(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options)
        : this(antiforgery, options, SizeLimit)
    {
    }

    /// <summary>The tokens kept at most: one per reader and browser, far more than read the charter within <see cref="Lifetime"/>.</summary>
    public const long SizeLimit = 20_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = sizeLimit });

    /// <summary>How many tokens are remembered (for tests).</summary>
    public int Count => _memory.Count;

    public FormToken For(HttpContext http)
    {
        var cookie = options.Value.Cookie.Name is { } name ? http.Request.Cookies[name] : null;
        var key = cookie is null ? null : Key(cookie, http.User.FindFirstValue(ClaimTypes.NameIdentifier));
        if (key is not null && _memory.TryGetValue(key, out string? remembered) && remembered is not null)
        {
            return new FormToken(options.Value.FormFieldName, remembered);
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        if (key is not null && tokens.CookieToken is null && tokens.RequestToken is { } made)
        {
            _memory.Set(key, made, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return new FormToken(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    public void Dispose() => _memory.Dispose();

    private static string Key(string cookie, string? subject) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(cookie + "\n" + subject)));
}
