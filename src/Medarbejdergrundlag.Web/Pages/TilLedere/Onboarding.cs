using System.Text;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.Extensions.Localization;

namespace Medarbejdergrundlag.Web.Pages.TilLedere;

/// <summary>What the managers' page and the printable sheet share.</summary>
public static partial class Onboarding
{
    public static string BearingPath(PublishedItem bearing) => PortalPaths.Bearing(bearing.Slug);

    /// <summary>The body's first paragraph: the bearing in a few sentences, as rendered (and sanitized) when it was saved.</summary>
    public static string FirstParagraphHtml(PublishedItem item)
    {
        var match = FirstParagraph().Match(item.BodyHtml);
        return match.Success ? match.Groups[1].Value : "";
    }

    /// <summary>A welcome email for a new colleague, with the links a manager wants to send; plain text to paste.</summary>
    public static string WelcomeEmail(PublishedSite site, Func<string, string> absolute, IStringLocalizer t)
    {
        var text = new StringBuilder();
        text.AppendLine(t["Emne: Velkommen – læs om vores medarbejdergrundlag"]);
        text.AppendLine();
        text.AppendLine(t["Kære [navn]"]);
        text.AppendLine();
        text.AppendLine(t["Velkommen til Odense Kommune. Vores medarbejdergrundlag, »Sammen om udvikling«, beskriver den arbejdsplads, vi ønsker at have, og hvordan vi sammen udvikler den og os selv."]);
        text.AppendLine();
        text.AppendLine(t["Læs det her:"]);
        text.AppendLine(absolute(PortalPaths.Charter));
        if (site.Bearings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(t["Vi taler om de fire pejlemærker i dine første uger:"]);
            foreach (var bearing in site.Bearings)
            {
                text.AppendLine($"- {bearing.Title}: {absolute(BearingPath(bearing))}");
            }
        }

        if (site.Phoenix is { } phoenix)
        {
            text.AppendLine();
            text.AppendLine(t["{0}, kommunens hus for læring og udvikling:", phoenix.Title]);
            text.AppendLine(absolute(PortalPaths.Phoenix));
        }

        text.AppendLine();
        text.AppendLine(t["Jeg glæder mig til at arbejde sammen med dig."]);
        text.AppendLine();
        text.AppendLine(t["Venlig hilsen"]);
        text.Append(t["[dit navn]"]);
        return text.ToString();
    }

    [GeneratedRegex("<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex FirstParagraph();
}
