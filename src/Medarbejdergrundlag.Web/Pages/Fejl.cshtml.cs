using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medarbejdergrundlag.Web.Pages;

/// <summary>
/// The error page. It says what happened in plain words and never shows details; in English when
/// the request was for an English page (the culture of the /en address carries over into the re-execution).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class FejlModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int statusCode) => Describe(statusCode);

    // Re-executed error pages keep the original request's method, so a failed POST lands here.
    public void OnPost(int statusCode) => Describe(statusCode);

    private void Describe(int statusCode)
    {
        var code = statusCode is >= 400 and <= 599 ? statusCode : 404;
        Response.StatusCode = code;
        (Heading, Explanation) = code switch
        {
            404 => (t["Siden findes ikke"], t["Vi kan ikke finde den side, du leder efter. Måske er adressen skrevet forkert, eller siden er flyttet."]),
            403 => (t["Du har ikke adgang"], t["Du er logget ind, men har ikke adgang til denne side."]),
            400 => (t["Forespørgslen kunne ikke behandles"], t["Prøv at genindlæse siden og gøre det igen."]),
            // An upload over the image library's limit, refused before its body was read (ImageUploadLimitAttribute).
            413 => ("Filen er for stor", "Filen er større, end portalen tager imod. Gå tilbage, vælg en mindre fil, og prøv igen. Intet er gemt."),
            503 when Areas.Admin.AdminConcurrency.WasTurnedAway(HttpContext) => ("Der er travlt lige nu",
                "Der er mange forespørgsler til administrationen på én gang. Vent et øjeblik, og prøv igen. Intet er gemt eller ændret."),
            503 => (t["Midlertidigt utilgængelig"], t["Medarbejdergrundlaget er midlertidigt utilgængeligt, fordi vi ikke kan nå vores database. Prøv igen om lidt; siden kommer tilbage af sig selv."]),
            _ => (t["Der skete en fejl"], t["Noget gik galt hos os. Prøv igen om lidt. Sker det igen, så kontakt HR."]),
        };
    }
}
