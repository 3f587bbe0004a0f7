using System.Text.RegularExpressions;

namespace Medarbejdergrundlag.Content.Insight;

/// <summary>
/// What of a search is ever kept: the query in lower case with single spaces, at most 100 characters,
/// with CPR numbers, e-mail addresses and phone numbers replaced before it is counted, even in memory.
/// </summary>
public static partial class QueryRedaction
{
    public const int MaxLength = 100;

    /// <summary>The query as insight counts it, or null when nothing is left to count.</summary>
    public static string? Normalize(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        // Redact on the whole text first, so a long query cut short cannot leave half a number behind.
        var text = Email().Replace(query, "[e-mail]");
        text = Cpr().Replace(text, "[cpr]");
        text = Phone().Replace(text, "[telefon]");
        text = Spaces().Replace(text.Trim(), " ").ToLower(PortalCulture.Danish);
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength].TrimEnd();
        }

        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>Ten digits, the last four after an optional dash or space: 010190-1234, 0101901234.</summary>
    [GeneratedRegex(@"(?<!\d)\d{6}[\s-]?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Cpr();

    /// <summary>Eight digits or more, perhaps after +45 or 0045 and in groups: 65 51 10 00, +4565511000, 6551-1000.</summary>
    [GeneratedRegex(@"(?:\+|00)?(?<!\d)\d(?:[\s-]?\d){7,}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
