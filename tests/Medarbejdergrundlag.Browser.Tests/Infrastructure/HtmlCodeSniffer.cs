using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>
/// HTML_CodeSniffer's WCAG2AA errors in a page: a second engine beside axe-core, which catches
/// other things (it found the English offer's 1:1 contrast). tests/setup/22-htmlcs.sh installs it.
/// </summary>
public static class HtmlCodeSniffer
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Environment.GetEnvironmentVariable("MG_HTMLCS_JS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), "tests", "htmlcs", "node_modules", "html_codesniffer", "build", "HTMLCS.js");
        // The file is one UMD call; evaluated as an expression (as Playwright does, past the page's
        // CSP, which forbids inline scripts) it must not end in a semicolon.
        return File.Exists(path)
            ? File.ReadAllText(path).TrimEnd().TrimEnd(';')
            : throw new InvalidOperationException($"HTML_CodeSniffer is not at {path}. tests/setup/22-htmlcs.sh installs it (npm ci in tests/htmlcs).");
    });

    /// <summary>One line per error: its code, message and the element.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IPage page)
    {
        await page.EvaluateAsync(Script.Value);
        return await page.EvaluateAsync<string[]>("""
            () => new Promise(resolve => {
              HTMLCS.process("WCAG2AA", document, () => {
                resolve(HTMLCS.getMessages()
                  .filter(m => m.type === HTMLCS.ERROR)
                  .map(m => `${m.code}: ${m.msg} at ${(m.element.outerHTML || m.element.nodeName || "").slice(0, 160)}`));
              }, () => resolve(["HTML_CodeSniffer failed to run"]), "en");
            })
            """);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Medarbejdergrundlag.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
