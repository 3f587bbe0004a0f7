namespace Medarbejdergrundlag.Web.Components;

/// <summary>One box of <see cref="CharterShape"/>: a bearing or a leg, its title, where it links, and its language if not the page's.</summary>
public sealed record ShapePart(string Title, string Href, string? Language = null);
