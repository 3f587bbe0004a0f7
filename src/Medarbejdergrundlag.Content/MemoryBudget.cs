namespace Medarbejdergrundlag.Content;

/// <summary>
/// Byte budgets for the in-memory caches, scaled to the memory this process may use: a container's
/// limit (the GC reads the cgroup, and keeps its heap to 75 % of it) or the machine's memory. A fixed
/// budget that suits a large host would fill a small container (issue 32): the whole-page cache's
/// 64 MB and the image cache's 32 MB were half of a 256 MiB container's GC heap (192 MiB).
/// </summary>
public static class MemoryBudget
{
    /// <summary>The memory the GC may use: the container's (or its heap hard limit), else the machine's.</summary>
    public static long Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// <paramref name="most"/> bytes, but no more than <paramref name="share"/> of
    /// <paramref name="available"/> (by default <see cref="Available"/>), and at least 1 MiB or
    /// <paramref name="most"/>, whichever is less.
    /// </summary>
    public static long AtMost(long most, double share, long? available = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(most);
        if (share is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A share is more than 0 and at most 1.");
        }

        var scaled = (long)((available ?? Available) * share);
        return Math.Min(most, Math.Max(scaled, Math.Min(most, 1024 * 1024)));
    }
}
