namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// A slug an item used to have. It points at the item, not at another slug, so a chain of renames
/// always resolves in one hop to the item's current address and can never loop.
/// </summary>
public class SlugRedirect
{
    public int Id { get; set; }

    public ContentKind Kind { get; set; }

    public required string Slug { get; set; }

    public int ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }

    public DateTime CreatedAt { get; set; }
}
