using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Web.Infrastructure;

namespace Medarbejdergrundlag.Web.Pages;

/// <summary>
/// The accessibility statement as the page shows it: HR's text (a content item, edited and
/// reviewed like the rest) with what the portal knows put in its place: the prepared date (a
/// setting), the "senest gennemgået" date (the item's last review or publish) at the start of
/// "Udarbejdelse…", and the contact details (settings) at the end of "Feedback…". Should HR rename
/// those sections, the dates and the contact details follow the text under headings of their own.
/// </summary>
public sealed partial record StatementView(string Title, string LeadHtml, string BodyHtml, AccessibilityOptions Options, DateTime? ReviewedAt)
{
    public string? Email => string.IsNullOrWhiteSpace(Options.ContactEmail) ? null : Options.ContactEmail.Trim();

    public string? Phone => string.IsNullOrWhiteSpace(Options.ContactPhone) ? null : Options.ContactPhone.Trim();

    /// <summary>The phone number as a tel: link: digits and a leading plus only.</summary>
    public string? PhoneHref => Phone is null ? null : "tel:" + new string(Phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());

    /// <summary>The title with a soft hyphen where Danish breaks the long compound on a phone.</summary>
    public string DisplayTitle => Title.Replace("Tilgængelighedserklæring", "Tilgængeligheds\u00ADerklæring", StringComparison.Ordinal);

    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", PortalCulture.Danish);

    public string DatesHtml
    {
        get
        {
            var text = new StringBuilder($"Erklæringen blev udarbejdet den {Date(Options.PreparedOn)}.");
            if (ReviewedAt is { } reviewed)
            {
                text.Append(CultureInfo.InvariantCulture, $" Den blev senest gennemgået den {Date(DateOnly.FromDateTime(reviewed.ToCopenhagen()))}.");
            }

            return $"<p class=\"statement__dates\">{WebUtility.HtmlEncode(text.ToString())}</p>";
        }
    }

    public string ContactHtml
    {
        get
        {
            if (Email is null && Phone is null)
            {
                return "<p>Kontakt HR i din forvaltning.</p>";
            }

            var html = new StringBuilder("<ul class=\"statement__contact\">");
            if (Email is { } email)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>E-mail: <a href=\"mailto:{WebUtility.HtmlEncode(email)}\">{WebUtility.HtmlEncode(email)}</a></li>");
            }

            if (Phone is { } phone)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>Telefon: <a href=\"{WebUtility.HtmlEncode(PhoneHref)}\">{WebUtility.HtmlEncode(phone)}</a></li>");
            }

            return html.Append("</ul>").ToString();
        }
    }

    /// <summary>The body (sanitized HTML from the Markdown renderer) with the dates and the contact details in place.</summary>
    public string ComposedBodyHtml()
    {
        var sections = SectionStart().Split(BodyHtml);
        var html = new StringBuilder();
        bool datesPlaced = false, contactPlaced = false;
        foreach (var section in sections)
        {
            var heading = HeadingText(section);
            if (!datesPlaced && heading.StartsWith("Udarbejdelse", StringComparison.Ordinal))
            {
                var end = section.IndexOf("</h2>", StringComparison.Ordinal) + "</h2>".Length;
                html.Append(section.AsSpan(0, end)).Append(DatesHtml).Append(section.AsSpan(end));
                datesPlaced = true;
            }
            else if (!contactPlaced && heading.StartsWith("Feedback", StringComparison.Ordinal))
            {
                html.Append(section).Append(ContactHtml);
                contactPlaced = true;
            }
            else
            {
                html.Append(section);
            }
        }

        if (!datesPlaced)
        {
            html.Append("<h2>Udarbejdelse af denne tilgængeligheds\u00ADerklæring</h2>").Append(DatesHtml);
        }

        if (!contactPlaced)
        {
            html.Append("<h2>Feedback og kontaktoplysninger</h2>").Append(ContactHtml);
        }

        return html.ToString();
    }

    private static string HeadingText(string section)
    {
        var match = HeadingElement().Match(section);
        return match.Success ? WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, "")).Replace("\u00AD", "", StringComparison.Ordinal).Trim() : "";
    }

    [GeneratedRegex(@"(?=<h2[\s>])")]
    private static partial Regex SectionStart();

    [GeneratedRegex(@"^<h2[^>]*>(.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex HeadingElement();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
