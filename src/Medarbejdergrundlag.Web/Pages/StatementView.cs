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

    /// <summary>When the statement was prepared and last reviewed, as one sentence or two.</summary>
    public string DatesText
    {
        get
        {
            var text = new StringBuilder($"Erklæringen blev udarbejdet den {Date(Options.PreparedOn)}.");
            if (ReviewedAt is { } reviewed)
            {
                text.Append(CultureInfo.InvariantCulture, $" Den blev senest gennemgået den {Date(DateOnly.FromDateTime(reviewed.ToCopenhagen()))}.");
            }

            return text.ToString();
        }
    }

    /// <summary>
    /// The body (sanitized HTML from the Markdown renderer) cut where the dates and the contact
    /// details go; the view (<c>_Statement.cshtml</c>) writes those after the parts that name them.
    /// </summary>
    public IReadOnlyList<StatementPart> Parts()
    {
        var parts = new List<StatementPart>();
        bool datesPlaced = false, contactPlaced = false;
        foreach (var section in SectionStart().Split(BodyHtml))
        {
            var heading = HeadingText(section);
            if (!datesPlaced && heading.StartsWith("Udarbejdelse", StringComparison.Ordinal))
            {
                var end = HeadingElement().Match(section).Length;
                parts.Add(new(section[..end], StatementInsert.Dates));
                parts.Add(new(section[end..], StatementInsert.Nothing));
                datesPlaced = true;
            }
            else if (!contactPlaced && heading.StartsWith("Feedback", StringComparison.Ordinal))
            {
                parts.Add(new(section, StatementInsert.Contact));
                contactPlaced = true;
            }
            else
            {
                parts.Add(new(section, StatementInsert.Nothing));
            }
        }

        if (!datesPlaced)
        {
            parts.Add(new("", StatementInsert.DatesUnderOwnHeading));
        }

        if (!contactPlaced)
        {
            parts.Add(new("", StatementInsert.ContactUnderOwnHeading));
        }

        return parts;
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

/// <summary>What the statement's view writes after a part of HR's text.</summary>
public enum StatementInsert
{
    Nothing,
    Dates,
    Contact,
    DatesUnderOwnHeading,
    ContactUnderOwnHeading,
}

/// <summary>A piece of the statement's sanitized body HTML and what follows it.</summary>
public sealed record StatementPart(string Html, StatementInsert Then);
