namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// One signed-in session. The browser's cookie carries only a random key; the sign-in itself (the
/// authentication ticket, protected with Data Protection) lives here, so ending a session here ends
/// it for every copy of the cookie, on every instance and after restarts.
/// </summary>
public class UserSession
{
    /// <summary>SHA-256 of the cookie's session key (hex); the key itself is never stored.</summary>
    public required string Id { get; set; }

    /// <summary>The stable subject id (the provider's <c>sub</c>, or <c>persona:…</c>).</summary>
    public required string Subject { get; set; }

    /// <summary>The provider that signed the user in (<c>iss</c>); empty for personas.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The provider's session id (<c>sid</c>), which back-channel logout names.</summary>
    public string? ProviderSessionId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>The browser, as its User-Agent said at sign-in, so people can tell their sessions apart.</summary>
    public string UserAgent { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The sliding end, moved forward while the session is used.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>The end no use can move: sign in again after it.</summary>
    public DateTime AbsoluteExpiresAt { get; set; }

    /// <summary>Set when the session was ended (sign-out, back-channel logout, "Log ud andre steder").</summary>
    public DateTime? EndedAt { get; set; }

    public required byte[] Ticket { get; set; }
}
