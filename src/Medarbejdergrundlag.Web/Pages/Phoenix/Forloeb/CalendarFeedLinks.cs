using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>
/// Calendar programs fetch a subscribed feed without the reader's sign-in cookie. A signed-in
/// reader therefore gets a feed link carrying a token, protected with the app's Data Protection
/// keys, that opens exactly that filtered feed and nothing else in the portal.
/// </summary>
public sealed class CalendarFeedLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Phoenix.CalendarFeed.v1");

    public const string TokenParameter = "adgang";

    public string Token(string query) => _protector.Protect(query);

    public bool Opens(string? token, string query)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(token) == query;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
