using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Medarbejdergrundlag.Web;

/// <summary>
/// The interface's words. The Danish text is the key and the default; <c>Resources/SharedResource.en.resx</c>
/// holds the English for the pages under /en (<c>@T["Forside"]</c> in a view).
/// </summary>
public sealed class SharedResource;

public static class SharedResourceExtensions
{
    /// <summary>
    /// The text with a lower-case first letter, for the middle of a sentence: one key serves both
    /// places ("Læs og bekræft…" and "læs og bekræft…"). Keys that differ only in case cannot both
    /// live in a resource file.
    /// </summary>
    public static string InSentence(this LocalizedString text) =>
        text.Value.Length == 0 ? "" : char.ToLower(text.Value[0], CultureInfo.CurrentCulture) + text.Value[1..];
}
