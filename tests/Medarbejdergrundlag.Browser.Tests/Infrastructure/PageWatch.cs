using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>
/// Records what a page should never do: log a console error (CSP violations land there too),
/// throw, fail a request, get an error status for a resource, or ask another origin for anything.
/// </summary>
public sealed class PageWatch
{
    private readonly List<string> _problems = [];
    private readonly string _origin;

    public PageWatch(IPage page, string baseUrl)
    {
        _origin = new Uri(baseUrl).GetLeftPart(UriPartial.Authority);
        page.Console += (_, message) =>
        {
            // Chromium logs an error status of the document itself; that one is expected on error pages.
            var expectedDocumentError = ExpectedDocumentStatus >= 400
                && message.Text.StartsWith($"Failed to load resource: the server responded with a status of {ExpectedDocumentStatus} ", StringComparison.Ordinal)
                && message.Location.StartsWith(page.Url, StringComparison.Ordinal);
            if (message.Type == "error" && !expectedDocumentError)
            {
                Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Add($"script error: {error}");
        page.RequestFailed += (_, request) => Add($"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https" or "ws" or "wss"
                && uri.GetLeftPart(UriPartial.Authority) != _origin)
            {
                Add($"request to another origin: {request.Url}");
            }
        };
        page.Response += (_, response) =>
        {
            // The page itself may be an error page on purpose; its resources never may.
            if (response.Status >= 400 && !(response.Request.IsNavigationRequest && response.Status == ExpectedDocumentStatus))
            {
                Add($"{response.Status} for {response.Request.Method} {response.Url}");
            }
        };
    }

    /// <summary>The status the next navigation's document is expected to have.</summary>
    public int ExpectedDocumentStatus { get; set; } = 200;

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public void Clear()
    {
        lock (_problems)
        {
            _problems.Clear();
        }
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
