using System.Diagnostics;
using Medarbejdergrundlag.Content.Search;
using Medarbejdergrundlag.Tests.Shared;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Content.Tests.Search;

/// <summary>
/// The portal has a few dozen documents today; courses will add hundreds. 5,000 generated
/// documents leave room: the shipped index holds them all and answers most of the generated
/// queries. The timings it prints (median, p99, build, memory) are for reading, not asserted:
/// on a shared 2-core machine they vary several-fold with the other work, so the speed target
/// lives in the load benchmark (tests/load, the search step over the same 5,000 documents).
/// Run alone, so that the printed figures are not shared with the other tests' threads.
/// </summary>
[Collection(nameof(SearchLatencyTests))]
[Trait(Needs.Trait, Needs.Time)]
public sealed class SearchLatencyTests(ITestOutputHelper output)
{
    [Fact]
    public void FiveThousandGeneratedDocumentsAreIndexedAndMostQueriesFindThem()
    {
        var corpus = GeneratedCorpus.Create();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        var index = SearchIndex.Build(corpus.Documents);
        build.Stop();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        foreach (var q in corpus.Queries.Take(20))
        {
            index.Search(q); // warm-up: JIT and caches
        }

        var timings = new List<double>();
        var found = 0;
        foreach (var q in corpus.Queries)
        {
            var watch = Stopwatch.StartNew();
            var results = index.Search(q);
            watch.Stop();
            timings.Add(watch.Elapsed.TotalMilliseconds);
            found += results.Total > 0 ? 1 : 0;
        }

        timings.Sort();
        var median = timings[timings.Count / 2];
        var p99 = timings[(int)(timings.Count * 0.99)];
        output.WriteLine(
            $"search latency, {GeneratedCorpus.DocumentCount} documents, {timings.Count} queries: median {median:F2} ms, p99 {p99:F2} ms, max {timings[^1]:F2} ms; " +
            $"index build {build.Elapsed.TotalMilliseconds:F0} ms, {retained / 1024.0 / 1024.0:F1} MB retained; {found} queries found something");

        Assert.Equal(GeneratedCorpus.DocumentCount, index.Count);
        Assert.True(found > corpus.Queries.Count / 2, $"only {found} queries found anything: the generated corpus is not being searched");
    }
}

[CollectionDefinition(nameof(SearchLatencyTests), DisableParallelization = true)]
public sealed class SearchLatencyCollection;
