using System.Globalization;
using System.Text.RegularExpressions;

namespace Medarbejdergrundlag.Content.Images;

/// <summary>
/// An image's addresses: <c>/billeder/{hash}</c> is what Markdown names (the largest fallback is served
/// there), <c>/billeder/{hash}/{width}.{format}</c> one stored rendition. The hash is of the uploaded
/// bytes, so an address never shows another picture and can be cached for a year.
/// </summary>
public static partial class ImageAddress
{
    public const string Prefix = "/billeder";

    /// <summary>Hex characters of the SHA-256 kept: 128 bits, unique without a second thought.</summary>
    public const int HashLength = 32;

    public static string Of(string hash) => $"{Prefix}/{hash}";

    public static string Of(string hash, int width, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}/{hash}/{width}.{format}");

    public static string HashOf(ReadOnlySpan<byte> upload) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(upload))[..HashLength];

    public static bool IsHash(string? value) => value is not null && HashPattern().IsMatch(value);

    /// <summary>The hash a Markdown image URL names, when it is a library address.</summary>
    public static string? HashIn(string? url) => url is not null && UrlPattern().Match(url) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Every library hash the text mentions (Markdown of a revision).</summary>
    public static IEnumerable<string> HashesIn(string text) => MentionPattern().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex HashPattern();

    [GeneratedRegex(@"^/billeder/([0-9a-f]{32})(?:/[0-9]{1,5}\.(?:webp|jpg|png))?$")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"/billeder/([0-9a-f]{32})")]
    private static partial Regex MentionPattern();
}
