using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Konto;

/// <summary>
/// Where every failed sign-in ends. It says nothing about the cause (the log does, under the same
/// reference), so nobody learns from it what the provider or the portal refused.
/// </summary>
public sealed partial class LogIndFejlModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ref")]
    public string? Reference { get; set; }

    public void OnGet()
    {
        // The reference travels in the address, so only a trace id's own characters are ever echoed.
        if (Reference is not null && !ReferencePattern().IsMatch(Reference))
        {
            Reference = null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9:]{1,64}$")]
    private static partial Regex ReferencePattern();
}
