using System.Text.Json;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>What has keyboard focus, and whether a sighted keyboard user can see it.</summary>
public sealed record FocusedElement(string Tag, string Text, string? Href, string? Name, string? Value, bool HasOutline, bool HasShadow, bool InViewport)
{
    public bool FocusIsVisible => (HasOutline || HasShadow) && InViewport;

    public override string ToString() => $"<{Tag.ToLowerInvariant()}> \"{Text}\" {Href}";
}

/// <summary>Moves through a page with Tab alone, checking at every stop that focus can be seen.</summary>
public static class Keyboard
{
    private const string DescribeFocus = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const s = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            return {
                tag: el.tagName,
                text: (el.innerText || el.value || "").replace(/\s+/g, " ").trim().slice(0, 100),
                href: el.getAttribute("href"),
                name: el.getAttribute("name"),
                value: el.getAttribute("value"),
                hasOutline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
                hasShadow: s.boxShadow !== "none",
                inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
            };
        }
        """;

    public static async Task<FocusedElement?> FocusedAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement?>(DescribeFocus);
        return json is { ValueKind: JsonValueKind.Object } value
            ? value.Deserialize<FocusedElement>(new JsonSerializerOptions(JsonSerializerDefaults.Web))
            : null;
    }

    /// <summary>
    /// Presses Tab (Shift+Tab when <paramref name="backwards"/>) until the focused element matches,
    /// failing if focus is ever invisible on the way or the element is not reached within
    /// <paramref name="maxTabs"/> presses.
    /// </summary>
    public static async Task<FocusedElement> TabToAsync(IPage page, Func<FocusedElement, bool> target, string description, int maxTabs = 80, bool backwards = false)
    {
        var path = new List<string>();
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = await FocusedAsync(page);
            if (focused is null)
            {
                path.Add("(nothing)");
                continue;
            }

            path.Add(focused.ToString());
            Assert.True(focused.FocusIsVisible, $"Focus is not visible on {focused} at {page.Url} (outline: {focused.HasOutline}, shadow: {focused.HasShadow}, in view: {focused.InViewport})");
            if (target(focused))
            {
                return focused;
            }
        }

        throw new Xunit.Sdk.XunitException($"Did not reach {description} with {maxTabs} presses of Tab on {page.Url}. Focus went: {string.Join(" → ", path)}");
    }

    /// <summary>
    /// Presses Enter on what has focus and waits for the page it leads to. The wait is armed
    /// before the key goes down: armed after it, a quick answer could slip past it.
    /// </summary>
    public static Task EnterAndWaitForPageAsync(IPage page, Func<string, bool> url, string description) =>
        EnterAndWaitAsync(page, page.WaitForURLAsync(url, new PageWaitForURLOptions { Timeout = 30_000 }), description);

    public static Task EnterAndWaitForPageAsync(IPage page, string glob) =>
        EnterAndWaitAsync(page, page.WaitForURLAsync(glob, new PageWaitForURLOptions { Timeout = 30_000 }), glob);

    public static Task EnterAndWaitForPageAsync(IPage page, System.Text.RegularExpressions.Regex url) =>
        EnterAndWaitAsync(page, page.WaitForURLAsync(url, new PageWaitForURLOptions { Timeout = 30_000 }), url.ToString());

    private static async Task EnterAndWaitAsync(IPage page, Task arrived, string description)
    {
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await arrived;
        }
        catch (TimeoutException e)
        {
            throw new Xunit.Sdk.XunitException($"Enter did not lead to {description} within 30 s; the page is still {page.Url}. {e.Message}");
        }
    }
}
