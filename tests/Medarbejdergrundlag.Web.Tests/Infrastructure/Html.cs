using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Visible text with whitespace collapsed, for "the page says X" assertions.</summary>
    public static string Text(this IElement element) =>
        System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();
}
