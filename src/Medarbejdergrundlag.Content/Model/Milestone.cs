namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// A moment in this database's life that later code must know, recorded once when it happens and
/// never moved (for example, when an upgrade introduced server sessions).
/// </summary>
public class Milestone
{
    /// <summary>
    /// The start that upgraded a database of the first version, which kept the whole sign-in in the
    /// cookie, to server sessions. Cookies of that kind are adopted for one absolute session lifetime
    /// after it, and only if issued before it. A database made later, or upgraded past that step
    /// before this was recorded, has no such moment: it adopts no old cookies at all.
    /// </summary>
    public const string ServerSessionsIntroduced = "ServerSessionsIntroduced";

    public required string Name { get; set; }

    public DateTime At { get; set; }
}
