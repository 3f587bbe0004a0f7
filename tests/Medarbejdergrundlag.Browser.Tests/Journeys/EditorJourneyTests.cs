using System.Globalization;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// An HR editor changes a bearing's text, previews the draft, publishes it, and restores the
/// earlier version; an employee, in a browser of their own, sees each published step and nothing else.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EditorJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, "handlekraft", "Handlekraft")]
    [InlineData(375, "faellesskab", "Fællesskab")]
    public async Task EditorChangesPreviewsPublishesAndRestoresABearingWhileAnEmployeeSeesOnlyWhatIsPublished(int width, string slug, string title)
    {
        await using var journey = await Journey.StartAsync(fixture, width, slug);
        var (editor, employee) = (journey.Editor, journey.Employee);

        // The overview leads to the bearing's edit page.
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(EditPage());
        var published = await journey.PublishedVersionAsync();

        // The text gets a new line, made bold with the toolbar; the live preview shows it as the site will.
        var body = editor.GetByLabel("Tekst", new() { Exact = true });
        await body.ClickAsync();
        await journey.AppendMarkerLineAsync();
        await editor.GetByRole(AriaRole.Toolbar, new() { Name = "Formatering" }).GetByRole(AriaRole.Button, new() { Name = "Fed" }).ClickAsync();
        Assert.EndsWith($"**{journey.Marker}**", await body.InputValueAsync());
        await Assertions.Expect(editor.Locator("#body-preview strong")).ToHaveTextAsync(journey.Marker);

        // A saved draft is not public.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Kladden er gemt.");
        await journey.EmployeeSeesOriginalAsync();
        // Translations share the version counter, so the draft is the newest number, not always published + 1.
        var draft = await journey.DraftVersionAsync();

        // The preview shows the draft through the public page's own layout.
        await editor.GetByRole(AriaRole.Link, new() { Name = "Forhåndsvis kladden" }).ClickAsync();
        await journey.PreviewShowsDraftAsync(draft);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Tilbage til redigering" }).ClickAsync();
        await editor.WaitForURLAsync(EditPage());

        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
        await Axe.AssertNoViolationsAsync(editor);
        await journey.EmployeeSeesMarkerAsync();

        // Restoring makes the old text a new draft; only publishing it shows it again.
        await editor.GetByRole(AriaRole.Link, new() { Name = "Historik og gendannelse" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = $"Gendan version {published}" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync($"Version {published} er gendannet som en ny kladde (version {draft + 1}).");
        await journey.EmployeeSeesMarkerAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
        await journey.EmployeeSeesOriginalAsync();

        journey.AssertNoProblems();
    }

    [Fact]
    public async Task EditorDoesTheSameWithTheKeyboardAloneAndAlwaysSeesFocus()
    {
        await using var journey = await Journey.StartAsync(fixture, 1280, "udvikling");
        var editor = journey.Editor;

        await editor.GotoAsync("/admin");
        await Keyboard.TabToAsync(editor, f => f.Text == "Udvikling" && f.Href is not null && f.Href.StartsWith("/admin/indhold/", StringComparison.Ordinal), "the overview's link to Udvikling", maxTabs: 150);
        await Keyboard.EnterAndWaitForPageAsync(editor, EditPage());
        var published = await journey.PublishedVersionAsync();

        await Keyboard.TabToAsync(editor, f => f.Name == "Form.Body", "the text field");
        await journey.AppendMarkerLineAsync();
        // Back to the toolbar, which keeps the selection in the text field.
        await Keyboard.TabToAsync(editor, f => f.Tag == "BUTTON" && f.Text == "Fed", "the toolbar's Fed", maxTabs: 10, backwards: true);
        await editor.Keyboard.PressAsync("Enter");
        Assert.EndsWith($"**{journey.Marker}**", await editor.Locator("#Form_Body").InputValueAsync());
        await Assertions.Expect(editor.Locator("#body-preview strong")).ToHaveTextAsync(journey.Marker);

        await Keyboard.TabToAsync(editor, f => f.Tag == "BUTTON" && f.Text == "Gem kladde", "Gem kladde");
        await editor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Kladden er gemt.");
        await journey.EmployeeSeesOriginalAsync();

        await Keyboard.TabToAsync(editor, f => f.Href is not null && f.Href.EndsWith("/forhaandsvisning", StringComparison.Ordinal), "Forhåndsvis kladden");
        await Keyboard.EnterAndWaitForPageAsync(editor, "**/forhaandsvisning");
        await journey.PreviewShowsDraftAsync(published + 1);
        await Keyboard.TabToAsync(editor, f => f.Text == "Tilbage til redigering", "Tilbage til redigering");
        await Keyboard.EnterAndWaitForPageAsync(editor, EditPage());

        await Keyboard.TabToAsync(editor, f => f.Tag == "BUTTON" && f.Text == "Gem og udgiv", "Gem og udgiv");
        await editor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
        await journey.EmployeeSeesMarkerAsync();

        await Keyboard.TabToAsync(editor, f => f.Href is not null && f.Href.EndsWith("/historik", StringComparison.Ordinal), "Historik og gendannelse");
        await Keyboard.EnterAndWaitForPageAsync(editor, "**/historik");
        await Keyboard.TabToAsync(editor, f => f.Tag == "BUTTON" && f.Text == $"Gendan version {published}", $"Gendan version {published}");
        await editor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync($"Version {published} er gendannet");
        await Keyboard.TabToAsync(editor, f => f.Tag == "BUTTON" && f.Text == "Gem og udgiv", "Gem og udgiv");
        await editor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
        await journey.EmployeeSeesOriginalAsync();

        journey.AssertNoProblems();
    }

    private static Regex EditPage() => EditPagePattern();

    [GeneratedRegex(@"/admin/indhold/\d+$")]
    private static partial Regex EditPagePattern();

    [GeneratedRegex(@"Udgivet: version (\d+)\.")]
    private static partial Regex PublishedVersionPattern();

    [GeneratedRegex(@"kladde: version (\d+),")]
    private static partial Regex DraftVersionPattern();

    /// <summary>The two browsers of one journey: the editor's and an employee's, each signed in through the persona form.</summary>
    private sealed class Journey : IAsyncDisposable
    {
        private readonly IBrowserContext _editorContext;
        private readonly IBrowserContext _employeeContext;
        private readonly PageWatch _editorWatch;
        private readonly PageWatch _employeeWatch;
        private readonly string _bearingPath;
        private string _original = "";

        private Journey(IBrowserContext editorContext, IBrowserContext employeeContext, IPage editor, IPage employee, string baseUrl, string slug)
        {
            _editorContext = editorContext;
            _employeeContext = employeeContext;
            Editor = editor;
            Employee = employee;
            _editorWatch = new PageWatch(editor, baseUrl);
            _employeeWatch = new PageWatch(employee, baseUrl);
            _bearingPath = "/pejlemaerker/" + slug;
        }

        public IPage Editor { get; }

        public IPage Employee { get; }

        /// <summary>A line no seed text has, short enough not to wrap even at 375 px.</summary>
        public string Marker { get; } = "Prøv " + Guid.NewGuid().ToString("N")[..8];

        public static async Task<Journey> StartAsync(BrowserFixture fixture, int width, string slug)
        {
            var editorContext = await fixture.NewContextAsync(width, "hr-redaktoer");
            var employeeContext = await fixture.NewContextAsync(width, "medarbejder");
            var journey = new Journey(editorContext, employeeContext, await editorContext.NewPageAsync(), await employeeContext.NewPageAsync(), fixture.Server.BaseUrl, slug);
            await journey.Employee.GotoAsync(journey._bearingPath);
            journey._original = await journey.Employee.Locator("main").InnerTextAsync();
            Assert.DoesNotContain(journey.Marker, journey._original);
            return journey;
        }

        public async Task<int> PublishedVersionAsync()
        {
            var status = await Editor.Locator(".item-status").InnerTextAsync();
            var match = PublishedVersionPattern().Match(status);
            Assert.True(match.Success, $"the bearing should be published without a draft: {status}");
            return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        /// <summary>The unpublished draft's version, from the edit page's status line.</summary>
        public async Task<int> DraftVersionAsync()
        {
            var status = await Editor.Locator(".item-status").InnerTextAsync();
            var match = DraftVersionPattern().Match(status);
            Assert.True(match.Success, $"the bearing should have a draft: {status}");
            return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        /// <summary>With focus in the text field: a new paragraph at the end, selected (Shift+Home) for the toolbar.</summary>
        public async Task AppendMarkerLineAsync()
        {
            await Editor.Keyboard.PressAsync("Control+End");
            await Editor.Keyboard.PressAsync("Enter");
            await Editor.Keyboard.PressAsync("Enter");
            await Editor.Keyboard.TypeAsync(Marker);
            await Editor.Keyboard.PressAsync("Shift+Home");
        }

        public async Task PreviewShowsDraftAsync(int version)
        {
            await Editor.WaitForURLAsync("**/forhaandsvisning");
            var banner = Editor.GetByRole(AriaRole.Note, new() { Name = "Forhåndsvisning" });
            await Assertions.Expect(banner).ToContainTextAsync($"Forhåndsvisning af version {version}.");
            await Assertions.Expect(banner).ToContainTextAsync("Den er ikke udgivet, og kun redaktører kan se den.");
            await Assertions.Expect(Editor.Locator("main strong", new() { HasText = Marker })).ToBeVisibleAsync();
        }

        public async Task EmployeeSeesMarkerAsync()
        {
            await Employee.GotoAsync(_bearingPath);
            await Assertions.Expect(Employee.Locator("main strong", new() { HasText = Marker })).ToBeVisibleAsync();
        }

        public async Task EmployeeSeesOriginalAsync()
        {
            await Employee.GotoAsync(_bearingPath);
            Assert.Equal(_original, await Employee.Locator("main").InnerTextAsync());
        }

        public void AssertNoProblems()
        {
            Assert.Empty(_editorWatch.Problems);
            Assert.Empty(_employeeWatch.Problems);
        }

        public async ValueTask DisposeAsync()
        {
            await _editorContext.DisposeAsync();
            await _employeeContext.DisposeAsync();
        }
    }
}
