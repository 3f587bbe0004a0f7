using System.Text.RegularExpressions;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Tests.Hosting;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>
/// The caches' budgets follow the memory the runtime is given (issue 32), as a container's limit
/// gives it: here the GC's own heap limit, set the way an operator would, on a real process.
/// </summary>
public sealed partial class MemoryBudgetProcessTests
{
    [Trait(Needs.Trait, Needs.Process)]
    [Fact]
    public async Task InASmallContainerTheCachesShrinkWithTheMemoryAndOnALargeHostTheyKeepTheirFixedBudgets()
    {
        using var database = PortalDatabase.Create();

        // 256 MiB for the GC's heap: an eighth for the pages, a sixteenth for the images.
        var small = new Dictionary<string, string?>(database.Settings) { ["DOTNET_GCHeapHardLimit"] = "0x10000000" };
        Assert.Equal((256, 32, 16), await BudgetsAsync(small));

        // This machine (gigabytes): the fixed 64 MB and Images:CacheBytes's 32 MB.
        var (available, pages, images) = await BudgetsAsync(database.Settings);
        Assert.True(available > 1024, $"the machine's memory, {available} MiB");
        Assert.Equal((64, 32), (pages, images));
    }

    private static async Task<(int Available, int Pages, int Images)> BudgetsAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var portal = await PortalProcess.StartAsync(settings);
        Match? line = null;
        for (var waited = 0; line is null && waited < 100; waited++)
        {
            // The line is written before the server starts; its output is read asynchronously.
            line = portal.Output.Select(l => BudgetLine().Match(l)).FirstOrDefault(m => m.Success);
            if (line is null)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(line is not null, "no budget line in: " + string.Join('\n', portal.Output));
        return (int.Parse(line.Groups[1].Value), int.Parse(line.Groups[2].Value), int.Parse(line.Groups[3].Value));
    }

    [GeneratedRegex(@"Memory the GC may use: (\d+) MiB; whole-page cache at most (\d+) MiB, image cache at most (\d+) MiB")]
    private static partial Regex BudgetLine();
}
