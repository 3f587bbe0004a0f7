namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// Whose calendar feed links are which generation: "Lav nyt kalenderlink" moves a reader's
/// generation on, and every link made for an earlier one stops opening its feed.
/// </summary>
public class CalendarFeedOwner
{
    /// <summary>The reader's stable subject id (the provider's sub, or persona:…).</summary>
    public required string Subject { get; set; }

    public int Generation { get; set; }

    public DateTime RenewedAt { get; set; }
}
