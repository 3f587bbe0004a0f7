using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>axe-core with the WCAG 2.0 and 2.1 level A and AA rules, as every test here runs it.</summary>
public static class Axe
{
    public static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>One line per violation: rule, impact, help and the offending elements.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        return result.Violations
            .Select(v => $"{v.Id} [{v.Impact}] {v.Help} at " + string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Html}")))
            .ToList();
    }

    /// <summary>For states the page catalog cannot reach by address alone (results, filters, notices).</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe at {page.Url} ({page.ViewportSize?.Width}px):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}
