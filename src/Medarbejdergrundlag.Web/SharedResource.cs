namespace Medarbejdergrundlag.Web;

/// <summary>
/// The interface's words. The Danish text is the key and the default; <c>Resources/SharedResource.en.resx</c>
/// holds the English for the pages under /en (<c>@T["Forside"]</c> in a view).
/// </summary>
public sealed class SharedResource;
