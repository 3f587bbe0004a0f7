namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>The published content could not be read and no earlier copy is in memory.</summary>
public sealed class ContentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
