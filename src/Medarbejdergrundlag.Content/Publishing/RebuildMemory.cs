namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>
/// Gives back the memory a rebuild used. Loading a snapshot (every published revision with its
/// Markdown source, the large Phønix page among them) and building a search index make tens of MB
/// of short-lived objects, some on the large object heap, that the concurrent collector would
/// otherwise keep committed and fragmented for the life of the process: measured with the load
/// benchmark's 5,000 documents, peak RSS (tests/load/run.sh) fell by about 15 MB with this, and
/// RSS right after the first pages by about 25 MB (docs/architecture.md, "Memory").
/// A rebuild happens at start and at a publish, never per request; only one that read
/// <see cref="LargeText"/> or more pays for the blocking collection, so an ordinary site (a few
/// hundred KB of text) reloads as fast as before.
/// </summary>
public static class RebuildMemory
{
    /// <summary>Characters of text from which a rebuild's garbage is worth a collection of its own.</summary>
    public const long LargeText = 1_000_000;

    /// <summary>Collects, compacts (the large object heap too) and decommits what is free.</summary>
    public static void Release() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
