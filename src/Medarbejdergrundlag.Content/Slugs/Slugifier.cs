using System.Globalization;
using System.Text;

namespace Medarbejdergrundlag.Content.Slugs;

/// <summary>
/// Turns Danish titles into URL- and id-safe slugs, e.g. "Phønix forløb" -> "phoenix-forloeb".
/// </summary>
public static class Slugifier
{
    public const int MaxLength = 80;

    public static string Slugify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Transliterate before FormD: "å" would otherwise decompose to "a" + ring and lose its "aa" spelling.
        var lowered = text.ToLowerInvariant()
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "oe", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal);

        var decomposed = lowered.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingDash = false;

        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // Drops accents (é -> e) without splitting the word.
                continue;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(c);
            }
            else
            {
                pendingDash = true;
            }
        }

        return Truncate(builder.ToString());
    }

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        // Cutting right before a dash keeps the last word whole.
        if (slug[MaxLength] == '-')
        {
            return slug[..MaxLength];
        }

        var lastDash = slug.LastIndexOf('-', MaxLength - 1);
        var cut = lastDash > 0 ? slug[..lastDash] : slug[..MaxLength];
        return cut.Trim('-');
    }
}
