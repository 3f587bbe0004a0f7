namespace Medarbejdergrundlag.Content.Search;

/// <summary>
/// One thing a search can find: a charter section, a leg, a bearing, a section of the Phønix
/// page. <paramref name="Url"/> is site-relative and carries the exact anchor.
/// </summary>
/// <param name="Title">What the result is called; title hits rank above body hits.</param>
/// <param name="Url">Where it lives, e.g. <c>/medarbejdergrundlag#samskabelse</c> or <c>/phoenix#phoenix-er-rammen</c>.</param>
/// <param name="Section">Where it belongs, for people: "Pejlemærke", "Phønix".</param>
/// <param name="Text">Plain text of the body, for matching and snippets.</param>
public sealed record SearchDocument(string Title, string Url, string Section, string Text)
{
    /// <summary>The language of the text: "da", or "en" for a translation, which English stemming matches.</summary>
    public string Language { get; init; } = PortalCulture.DanishCode;
}
