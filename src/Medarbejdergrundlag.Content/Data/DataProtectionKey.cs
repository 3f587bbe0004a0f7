namespace Medarbejdergrundlag.Content.Data;

/// <summary>
/// One ASP.NET Core Data Protection key as XML. Kept in the content database so every instance,
/// and every restart, reads the same key ring: sign-in cookies and antiforgery tokens stay valid.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
