using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Medarbejdergrundlag.Tests.Shared.Images;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// An HR editor puts a photo in the library, inserts it into a bearing with "Indsæt billede" and
/// publishes; an employee on a 375 px phone gets the 480 px WebP, not the larger sizes (issue 29).
/// axe and HTML_CodeSniffer check the library with an image in it, the edit page with the list open, and the phone's page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImageJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnEditorUploadsInsertsAndPublishesAndAPhoneLoadsTheSmallSize()
    {
        await using var editorContext = await fixture.NewContextAsync(1280, "hr-redaktoer");
        var editor = await editorContext.NewPageAsync();
        var editorWatch = new PageWatch(editor, fixture.Server.BaseUrl);
        var alt = "Kolleger i Phønix' have " + Guid.NewGuid().ToString("N")[..6];
        var file = Path.Combine(Path.GetTempPath(), $"phoenix-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(file, TestImages.Photo(2000, 1500, seed: Environment.TickCount));

        try
        {
            await editor.GotoAsync("/admin/billeder");
            await editor.GetByLabel("Billedfil").SetInputFilesAsync(file);
            await editor.GetByLabel("Alternativ tekst", new() { Exact = true }).FillAsync(alt);
            await editor.GetByRole(AriaRole.Button, new() { Name = "Læg billedet i biblioteket" }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Billedet er lagt i biblioteket.");
            await Assertions.Expect(editor.Locator(".image-library")).ToContainTextAsync(alt);
            await Axe.AssertNoViolationsAsync(editor);
            Assert.Empty(await HtmlCodeSniffer.ErrorsAsync(editor));
        }
        finally
        {
            File.Delete(file);
        }

        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Handlekraft", Exact = true }).ClickAsync();
        var editPath = new Uri(editor.Url).AbsolutePath;
        var body = editor.GetByLabel("Tekst", new() { Exact = true });
        await body.EvaluateAsync("t => t.setSelectionRange(0, 0)");
        await editor.GetByText("Indsæt billede", new() { Exact = true }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = $"Indsæt »{alt}«" }).ClickAsync();
        Assert.Matches(new Regex($"^\\s*!\\[{Regex.Escape(alt).Replace("'", "\\\\?'", StringComparison.Ordinal)}\\]\\(/billeder/[0-9a-f]{{32}}\\)"), await body.InputValueAsync());
        await Axe.AssertNoViolationsAsync(editor);
        Assert.Empty(await HtmlCodeSniffer.ErrorsAsync(editor));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");

        // A phone: 375 CSS px at device pixel ratio 1, so 100vw asks for 375 px and 480 is the candidate.
        await using var phoneContext = await fixture.NewContextAsync(375, "medarbejder");
        var phone = await phoneContext.NewPageAsync();
        var phoneWatch = new PageWatch(phone, fixture.Server.BaseUrl);
        var fetched = new List<string>();
        phone.Request += (_, request) =>
        {
            if (request.Url.Contains("/billeder/", StringComparison.Ordinal))
            {
                lock (fetched)
                {
                    fetched.Add(new Uri(request.Url).AbsolutePath);
                }
            }
        };
        await phone.GotoAsync("/pejlemaerker/handlekraft");
        var image = phone.Locator("main picture img");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", alt);
        await phone.WaitForFunctionAsync("() => { const i = document.querySelector('main picture img'); return i && i.complete && i.naturalWidth > 0; }");
        var currentSrc = await image.EvaluateAsync<string>("i => new URL(i.currentSrc).pathname");
        Assert.Matches("^/billeder/[0-9a-f]{32}/480\\.webp$", currentSrc);
        lock (fetched)
        {
            Assert.Equal([currentSrc], fetched.Distinct());
        }

        // Its box is reserved before it loads (width and height) and it fits the phone.
        Assert.True(await image.EvaluateAsync<double>("i => i.getBoundingClientRect().width") <= 375);
        await Axe.AssertNoViolationsAsync(phone);
        Assert.Empty(await HtmlCodeSniffer.ErrorsAsync(phone));

        // Put the bearing back for the other journeys: restore the version before, and publish it.
        await editor.GotoAsync(editPath + "/historik");
        await editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Gendan version \\d+$") }).First.ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");

        Assert.Empty(editorWatch.Problems);
        Assert.Empty(phoneWatch.Problems);
    }
}
