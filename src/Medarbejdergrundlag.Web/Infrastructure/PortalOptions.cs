namespace Medarbejdergrundlag.Web.Infrastructure;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The address managers' links should carry, e.g. https://medarbejdergrundlag.odense.dk.
    /// Empty: links are built from the request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
