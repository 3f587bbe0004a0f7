namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// A back-channel logout token already acted on, so that no instance acts on it again (the
/// specification's jti check). Kept until its iat window closes; a token older than that is
/// refused anyway.
/// </summary>
public class UsedLogoutToken
{
    /// <summary>SHA-256 of the issuer and the jti, in hex: fixed length whatever the provider sends.</summary>
    public required string Id { get; set; }

    public DateTime ExpiresAt { get; set; }
}
