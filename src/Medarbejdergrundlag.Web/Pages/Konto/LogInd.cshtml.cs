using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Konto;

public sealed class LogIndModel(SignInOptions signIn, PersonaGate personas, PublishedContentStore content, IConfiguration configuration, ILogger<LogIndModel> logger) : PageModel
{
    public bool PersonasEnabled => personas.Allows(HttpContext);

    public bool OidcEnabled => signIn.OidcEnabled;

    public IReadOnlyList<Persona> Personas => Persona.All;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = "logget-ud")]
    public bool LoggedOut { get; set; }

    /// <summary>The title and summary of the published page this sign-in returns to, for link previews.</summary>
    public LinkPreview? Preview { get; private set; }

    /// <summary>With a provider, where the page goes on to by itself: the provider's sign-in, coming back to <see cref="ReturnUrl"/>.</summary>
    public string? ContinueTo { get; private set; }

    public async Task OnGetAsync()
    {
        if (signIn.OidcEnabled && !PersonasEnabled && !LoggedOut)
        {
            ContinueTo = "/konto/log-ind?handler=Kommune&returnUrl=" + Uri.EscapeDataString(LocalUrl.OrHome(ReturnUrl));
        }

        // Only for a return address, and never in the way of signing in: without the database the
        // page simply has no preview.
        if (!string.IsNullOrEmpty(ReturnUrl) && configuration.GetValue(LinkPreview.Setting, true))
        {
            try
            {
                Preview = LinkPreview.For(ReturnUrl, await content.GetAsync());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The sign-in page's link preview could not read the published content; it shows none.");
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(string? persona)
    {
        // Never trust the form for this: the personas must not exist where they are switched off.
        if (!personas.Allows(HttpContext))
        {
            return NotFound();
        }

        var chosen = Persona.Find(persona);
        if (chosen is null)
        {
            ModelState.AddModelError(string.Empty, "Vælg en af brugerne på listen.");
            return Page();
        }

        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            chosen.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
    }

    /// <summary>Where the sign-in page goes on to by itself: the provider's sign-in.</summary>
    public IActionResult OnGetKommune() => OnPostKommune();

    /// <summary>Sends the browser to the municipality's provider; it comes back to the page first asked for.</summary>
    public IActionResult OnPostKommune()
    {
        if (!signIn.OidcEnabled)
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(ReturnUrl) }, AuthenticationSetup.OidcScheme);
    }
}
