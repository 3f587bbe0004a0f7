using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Markdown;

/// <summary>The URL safety half of the renderer: which links and images may keep their address.</summary>
public sealed partial class MarkdigRenderer
{
    /// <summary>
    /// True for relative URLs and for http, https and mailto. Decides on a decoded, whitespace-free
    /// copy so that entity/percent encoding and embedded tabs cannot hide a scheme from us.
    /// </summary>
    internal static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Every decoding stage is checked: if any view of the URL has a bad scheme, it is dropped.
        var current = url;
        for (var i = 0; i < 4; i++)
        {
            if (!HasAllowedScheme(StripInvisible(current)))
            {
                return false;
            }

            var decoded = PercentDecode(HtmlDecode(current));
            if (decoded == current)
            {
                return true;
            }

            current = decoded;
        }

        // Still changing after several rounds of decoding: nested encoding is an attack, not content.
        return false;
    }

    private static bool HasAllowedScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        // A colon after the first path, query or fragment delimiter is not a scheme separator,
        // e.g. "/sider/a:b" or "#x:y". Backslash counts because browsers treat it like "/".
        var delimiter = url.AsSpan(0, colon).IndexOfAny("/?#\\");
        if (delimiter >= 0)
        {
            return true;
        }

        return _allowedSchemes.Contains(url[..colon].ToLowerInvariant());
    }

    private static string StripInvisible(string value)
    {
        // Browsers ignore tabs/newlines inside URLs and trim leading controls, so "java\tscript:" runs.
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c)
                || char.IsControl(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string HtmlDecode(string value)
    {
        // WebUtility only knows HTML 4 names; Markdig's table adds HTML5 ones such as "&colon;".
        var decoded = WebUtility.HtmlDecode(value);
        return NamedEntityRegex().Replace(decoded, match =>
            EntityHelper.DecodeEntity(match.Groups[1].ValueSpan) ?? match.Value);
    }

    private static string PercentDecode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
