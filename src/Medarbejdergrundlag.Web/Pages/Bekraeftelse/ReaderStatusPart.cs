using System.Security.Claims;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Medarbejdergrundlag.Web.Pages.Bekraeftelse;

/// <summary>Where on the charter page the reader's status goes: the notice at the top, the button at the end.</summary>
public enum ReaderStatusPlace
{
    Top,
    End,
}

/// <summary>
/// The one per-reader part of the charter page: whether and when this reader confirmed, the notice
/// of material changes since, and the confirm button. It is written for every request, outside the
/// page's shared cache, so the page stays cached for everyone and no reader sees another's status.
/// Every element it writes carries <c>data-per-reader</c> (a whole-page cache can splice it; print
/// leaves it out). It is plain code rather than a view component or partial because it runs on
/// every view of a page that is otherwise served from memory: the status comes from the instance's
/// memory (<see cref="ReaderStatuses"/>), read once per request however often the page places it.
/// </summary>
public static class ReaderStatusPart
{
    /// <summary>
    /// Set for a minute by confirming or withdrawing: this browser's next pages read the reader's
    /// status from the database, whichever instance serves them, never from an instance's memory.
    /// It holds nothing but "1".
    /// </summary>
    public const string FreshCookie = "mg.confirmed";

    private const string ItemKey = nameof(ReaderStatusPart);

    public static void MarkFresh(HttpContext http) =>
        http.Response.Cookies.Append(FreshCookie, "1", new CookieOptions
        {
            MaxAge = ReaderStatuses.MemoryLifetime,
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
        });

    public static async Task<IHtmlContent> RenderAsync(HttpContext http, ReaderStatusPlace place)
    {
        if (http.Items[ItemKey] is not ReaderStatus status)
        {
            if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } subject)
            {
                return HtmlString.Empty;
            }

            status = await http.RequestServices.GetRequiredService<ReaderStatuses>()
                .StatusAsync(subject, http.Request.Cookies.ContainsKey(FreshCookie), http.RequestAborted);
            http.Items[ItemKey] = status;
        }

        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return place == ReaderStatusPlace.Top ? Top(status, t) : End(status, http, t);
    }

    private static IHtmlContent Top(ReaderStatus status, IStringLocalizer t)
    {
        var html = new HtmlContentBuilder();
        if (status.MustConfirmAgain)
        {
            html.AppendHtml("<aside class=\"notice notice--changes\" aria-labelledby=\"changes-notice-heading\" data-per-reader data-reader-status=\"changed\">")
                .AppendHtml("<h2 id=\"changes-notice-heading\">").Append(t["Medarbejdergrundlaget er ændret, siden du læste det"]).AppendHtml("</h2><p>")
                .Append(t["Du bekræftede den {0}. Siden er der udgivet væsentlige ændringer, senest den {1}, i: {2}.",
                    Day(status.ConfirmedAt!.Value), Day(status.LatestMaterialChangeAt!.Value), string.Join(", ", status.MaterialChanges.Select(c => c.Title))])
                .AppendHtml($"</p><p><a href=\"{PortalPaths.ChangesSinceConfirmed}\">").Append(t["Se præcis, hvad der er ændret"]).AppendHtml("</a></p></aside>");
        }
        else if (status.HasConfirmed)
        {
            html.AppendHtml("<p class=\"reader-status\" data-per-reader data-reader-status=\"confirmed\">")
                .Append(t["Du bekræftede den {0}, at du har læst og forstået medarbejdergrundlaget.", Day(status.ConfirmedAt!.Value)])
                .AppendHtml("</p>");
            if (status.AwaitingTranslation.Count > 0)
            {
                // English only: the Danish text changed materially, the translation has not caught up.
                // Nothing to confirm yet; the reader learns it is coming and can read the Danish changes.
                var danishChanges = PortalPaths.InLanguage(PortalCulture.DanishCode, PortalPaths.ChangesSinceConfirmed);
                html.AppendHtml("<p class=\"reader-status\" data-per-reader data-reader-status=\"awaiting-translation\">")
                    .Append(t["Den danske tekst er ændret væsentligt, siden du bekræftede, i: {0}. Oversættelsen er ikke opdateret endnu; når den er, bliver du bedt om at bekræfte igen.",
                        string.Join(", ", status.AwaitingTranslation.Select(c => c.Title))])
                    .AppendHtml($" <a href=\"{danishChanges}\" hreflang=\"da\">").Append(t["Se ændringerne på dansk"]).AppendHtml("</a></p>");
            }
        }

        return html;
    }

    private static IHtmlContent End(ReaderStatus status, HttpContext http, IStringLocalizer t)
    {
        var html = new HtmlContentBuilder()
            .AppendHtml("<section class=\"confirm\" id=\"bekraeft\" aria-labelledby=\"confirm-heading\" data-per-reader>")
            .AppendHtml("<h2 id=\"confirm-heading\">").Append(t["Har du læst medarbejdergrundlaget?"]).AppendHtml("</h2>");
        if (status.HasConfirmed && !status.MustConfirmAgain)
        {
            html.AppendHtml("<p data-reader-status=\"confirmed\">")
                .Append(t["Du bekræftede den {0}, at du har læst og forstået medarbejdergrundlaget. Tak.", Day(status.ConfirmedAt!.Value)])
                .AppendHtml("</p>");
        }
        else
        {
            if (status.MustConfirmAgain)
            {
                html.AppendHtml("<p>").Append(t["Der er kommet væsentlige ændringer, siden du bekræftede den {0}.", Day(status.ConfirmedAt!.Value)]).AppendHtml(" ")
                    .AppendHtml($"<a href=\"{PortalPaths.ChangesSinceConfirmed}\">").Append(t["Se ændringerne"]).AppendHtml("</a>")
                    .Append(t[", og bekræft igen, når du har læst dem."]).AppendHtml("</p>");
            }
            else
            {
                html.AppendHtml("<p>").Append(t["Når du har læst medarbejdergrundlaget, kan du bekræfte det her."]).AppendHtml("</p>");
            }

            html.AppendHtml(ConfirmForm(http, status.CurrentVersion));
        }

        return html.AppendHtml("<p class=\"confirm__privacy\">")
            .Append(t["Vi gemmer kun, at du har bekræftet, hvilken udgave og hvornår. Din leder kan ikke se, om du har bekræftet; HR ser kun samlede tal."]).AppendHtml(" ")
            .AppendHtml($"<a href=\"{PortalPaths.MyConfirmations}\">").Append(t["Se eller træk dine bekræftelser tilbage"]).AppendHtml("</a>.</p></section>");
    }

    /// <summary>The confirm form: the version read and the antiforgery token. Also used by the changes page.</summary>
    public static IHtmlContent ConfirmForm(HttpContext http, string version)
    {
        var tokens = RequestToken(http);
        return new HtmlContentBuilder()
            .AppendHtml($"<form method=\"post\" action=\"{PortalPaths.Confirm}\"><input type=\"hidden\" name=\"version\" value=\"")
            .Append(version)
            .AppendHtml($"\" /><input name=\"{tokens.FormFieldName}\" type=\"hidden\" value=\"")
            .Append(tokens.RequestToken)
            .AppendHtml("\" /><button type=\"submit\" class=\"button button--primary\">")
            .Append(http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()["Jeg har læst og forstået medarbejdergrundlaget"])
            .AppendHtml("</button></form>");
    }

    /// <summary>
    /// The reader's antiforgery request token. Making one encrypts (Data Protection), which on the
    /// charter, a page served whole from memory, cost half its throughput; so a token is remembered
    /// for the antiforgery cookie and user it was made for. Tokens are not single-use: the same
    /// cookie and user always validate it, so reusing it within that pair weakens nothing. A request
    /// without a valid cookie gets a fresh cookie and token, which are not remembered.
    /// </summary>
    private static (string FormFieldName, string RequestToken) RequestToken(HttpContext http)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
        var memory = http.RequestServices.GetRequiredService<IMemoryCache>();
        var cookie = options.Cookie.Name is { } name ? http.Request.Cookies[name] : null;
        var key = (typeof(ReaderStatusPart), cookie, http.User.FindFirstValue(ClaimTypes.NameIdentifier));
        if (cookie is not null && memory.TryGetValue(key, out string? remembered) && remembered is not null)
        {
            return (options.FormFieldName, remembered);
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        if (cookie is not null && tokens.CookieToken is null && tokens.RequestToken is { } made)
        {
            memory.Set(key, made, TimeSpan.FromMinutes(10));
        }

        return (tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private static string Day(DateTime utc) => PortalCulture.Day(utc.ToCopenhagen());
}
