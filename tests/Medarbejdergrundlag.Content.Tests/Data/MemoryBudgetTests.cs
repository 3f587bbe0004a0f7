using Medarbejdergrundlag.Content;

namespace Medarbejdergrundlag.Content.Tests.Data;

public sealed class MemoryBudgetTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(64 * MiB, 1.0 / 8, 24L * 1024 * MiB, 64 * MiB)]   // a large host: the fixed budget
    [InlineData(64 * MiB, 1.0 / 8, 192 * MiB, 24 * MiB)]          // a 256 MiB container (GC heap 75 %)
    [InlineData(32 * MiB, 1.0 / 16, 144 * MiB, 9 * MiB)]          // a 192 MiB container
    [InlineData(32 * MiB, 1.0 / 16, 8 * MiB, 1 * MiB)]            // tiny: never below 1 MiB
    [InlineData(512 * 1024, 1.0 / 16, 8 * MiB, 512 * 1024)]       // ... nor above what was asked
    public void ABudgetIsTheSmallerOfWhatWasAskedAndItsShareOfTheMemory(long most, double share, long available, long expected) =>
        Assert.Equal(expected, MemoryBudget.AtMost(most, share, available));

    [Fact]
    public void WithoutAnAmountItTakesItsShareOfWhatTheGcMayUse()
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Assert.Equal(Math.Min(long.MaxValue / 4, Math.Max(available / 4, MiB)), MemoryBudget.AtMost(long.MaxValue / 4, 0.25));
        Assert.Equal(available, MemoryBudget.Available);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(MiB, 0)]
    [InlineData(MiB, 1.5)]
    public void NonsenseIsRefused(long most, double share) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => MemoryBudget.AtMost(most, share, 100 * MiB));
}
