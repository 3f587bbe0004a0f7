using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Konto;

/// <summary>Signing out is a POST with an antiforgery token, so no link or image can sign a user out.</summary>
public sealed class LogUdModel(SignInOptions signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (signIn.OidcEnabled)
        {
            // Ends the portal session, then sends the browser to the provider's end_session_endpoint
            // (with id_token_hint), which ends the provider session and sends it back here.
            return SignOut(new AuthenticationProperties { RedirectUri = SignedOutPage },
                CookieAuthenticationDefaults.AuthenticationScheme, AuthenticationSetup.OidcScheme);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect(SignedOutPage);
    }

    private const string SignedOutPage = "/konto/log-ind?logget-ud=true";
}
