using System.Diagnostics;
using Medarbejdergrundlag.Content.Search;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Content.Tests.Search;

/// <summary>
/// The hand-written index against Lucene.Net on the same documents and queries: relevance on the
/// real content, then build time, memory and query time over 5,000 generated documents. The
/// engines take turns within one run (build order alternates by round, and every query runs on
/// both, in alternating order), so the noise of a shared machine falls on both alike.
/// <code>
/// MG_SEARCH_ROUNDS=5 dotnet test tests/Medarbejdergrundlag.Content.Tests --filter Category=SearchBenchmark --logger "console;verbosity=detailed"
/// </code>
/// </summary>
[Collection(nameof(SearchLatencyTests))]
[Trait("Category", "SearchBenchmark")]
public sealed class SearchEngineComparison(ITestOutputHelper output)
{
    private sealed record Engine(string Name, Func<IEnumerable<SearchDocument>, Func<string, SearchResults>> Build);

    private static readonly Engine[] Engines =
    [
        new("hand-written", docs => { var index = SearchIndex.Build(docs); return q => index.Search(q); }),
        new("Lucene.Net", docs => { var index = LuceneSearchIndex.Build(docs); return q => index.Search(q); }),
    ];

    [Fact]
    public async Task BothEnginesAreMeasuredOnTheSameRelevanceSetAndDocuments()
    {
        var site = await RelevanceSet.SiteDocumentsAsync();
        var scores = new List<RelevanceScore>();
        foreach (var engine in Engines)
        {
            var search = engine.Build(site);
            var score = RelevanceSet.Score(q => search(q).Hits);
            scores.Add(score);
            output.WriteLine($"{engine.Name}: {score.Summary}; by kind (top-1/top-3/all): {score.PerKind}");
            output.WriteLine(score.Misses);
        }

        var rounds = int.TryParse(Environment.GetEnvironmentVariable("MG_SEARCH_ROUNDS"), out var r) && r > 0 ? r : 1;
        var corpus = GeneratedCorpus.Create();
        var build = Engines.Select(_ => new List<double>()).ToArray();
        var memory = Engines.Select(_ => new List<double>()).ToArray();
        var queries = Engines.Select(_ => new List<double>()).ToArray();
        var roundMedians = Engines.Select(_ => new List<double>()).ToArray();
        var roundP99s = Engines.Select(_ => new List<double>()).ToArray();
        var found = new int[Engines.Length];
        for (var round = 0; round < rounds; round++)
        {
            var searches = new Func<string, SearchResults>[Engines.Length];
            var order = round % 2 == 0 ? new[] { 0, 1 } : [1, 0];
            foreach (var e in order)
            {
                searches[e] = null!;
                var before = GC.GetTotalMemory(forceFullCollection: true);
                var watch = Stopwatch.StartNew();
                searches[e] = Engines[e].Build(corpus.Documents);
                watch.Stop();
                var after = GC.GetTotalMemory(forceFullCollection: true);
                build[e].Add(watch.Elapsed.TotalMilliseconds);
                memory[e].Add((after - before) / 1024.0 / 1024.0);
            }

            foreach (var q in corpus.Queries.Take(20))
            {
                foreach (var search in searches)
                {
                    search(q); // warm-up: JIT and caches
                }
            }

            var times = Engines.Select(_ => new List<double>()).ToArray();
            for (var i = 0; i < corpus.Queries.Count; i++)
            {
                foreach (var e in i % 2 == 0 ? order : [order[1], order[0]])
                {
                    var watch = Stopwatch.StartNew();
                    var results = searches[e](corpus.Queries[i]);
                    watch.Stop();
                    times[e].Add(watch.Elapsed.TotalMilliseconds);
                    found[e] += round == 0 && results.Total > 0 ? 1 : 0;
                }
            }

            for (var e = 0; e < Engines.Length; e++)
            {
                queries[e].AddRange(times[e]);
                roundMedians[e].Add(Percentile(times[e], 0.5));
                roundP99s[e].Add(Percentile(times[e], 0.99));
            }

            GC.KeepAlive(searches);
        }

        output.WriteLine($"| engine | top-1 | top-3 | median query ms | p99 query ms | build ms | retained MB | ({GeneratedCorpus.DocumentCount} documents, {corpus.Queries.Count} queries, {rounds} rounds; medians over rounds)");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        for (var e = 0; e < Engines.Length; e++)
        {
            output.WriteLine(
                $"| {Engines[e].Name} | {scores[e].Top1}/{scores[e].Count} | {scores[e].Top3}/{scores[e].Count} | " +
                $"{Percentile(roundMedians[e], 0.5):F2} | {Percentile(roundP99s[e], 0.5):F2} | {Percentile(build[e], 0.5):F0} | {Percentile(memory[e], 0.5):F1} |");
            output.WriteLine($"  rounds: median {string.Join(" ", roundMedians[e].Select(x => x.ToString("F2")))}; p99 {string.Join(" ", roundP99s[e].Select(x => x.ToString("F2")))}; " +
                $"build {string.Join(" ", build[e].Select(x => x.ToString("F0")))}; memory {string.Join(" ", memory[e].Select(x => x.ToString("F1")))}; {found[e]} queries found something");
        }

        // The measurement is only worth its table if both engines really searched the corpus.
        Assert.All(found, f => Assert.True(f > corpus.Queries.Count / 2, $"only {f} queries found anything"));
        Assert.All(scores, s => Assert.Equal(RelevanceSet.Cases.Count, s.Count));
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
    }
}
