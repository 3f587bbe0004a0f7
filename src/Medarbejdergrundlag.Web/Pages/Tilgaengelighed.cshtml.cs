using System.Globalization;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Pages;

/// <summary>
/// The accessibility statement after the Danish model statement. Public on purpose: people must be
/// able to read it, and to find how to complain, also when they cannot sign in.
/// </summary>
[AllowAnonymous]
public sealed class TilgaengelighedModel(IOptions<AccessibilityOptions> options) : PageModel
{

    public AccessibilityOptions Statement => options.Value;

    public string? Email => string.IsNullOrWhiteSpace(Statement.ContactEmail) ? null : Statement.ContactEmail.Trim();

    public string? Phone => string.IsNullOrWhiteSpace(Statement.ContactPhone) ? null : Statement.ContactPhone.Trim();

    /// <summary>The phone number as a tel: link: digits and a leading plus only.</summary>
    public string? PhoneHref => Phone is null ? null : "tel:" + new string(Phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());

    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture);

    public void OnGet()
    {
    }
}
