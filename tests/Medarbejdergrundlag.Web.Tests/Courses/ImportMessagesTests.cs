using System.Net;
using System.Text;
using AngleSharp.Dom;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>What the import says about files it cannot use, in words an editor can act on (issue 31, item 14).</summary>
public sealed class ImportMessagesTests : IAsyncLifetime
{
    private const string Header = "Titel;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted";
    private readonly CoursePortal _portal = new();
    private HttpClient _editor = default!;

    public async Task InitializeAsync() => _editor = await _portal.SignedInClientAsync("hr-redaktoer");

    public Task DisposeAsync()
    {
        _portal.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnImageRenamedXlsxIsNotASpreadsheet()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01];

        var page = await PreviewAsync(png, "forloeb.xlsx");

        Assert.Contains("Filen er ikke et regneark (.xlsx) eller en CSV-fil.", MainText(page));
        Assert.DoesNotContain("kolonnernes navne. Der mangler", MainText(page));
    }

    [Fact]
    public async Task AnEmptyFileIsCalledEmpty()
    {
        var page = await PreviewAsync([], "forloeb.csv");

        Assert.Contains("Filen er tom.", MainText(page));
        Assert.DoesNotContain("Vælg en fil", MainText(page));
    }

    [Fact]
    public async Task AnEndThatIsATimeIsNotBlamedWhenTheStartIsWrong()
    {
        var page = await PreviewAsync(Csv(Header, "Fejlen;Ledere;Tværgående;1;;phoenix@odense.dk;31-02-2027 09:00;15:00;Phønix"));

        var preview = page.QuerySelector(".import-preview")!.TextContent;
        Assert.Contains("Linje 2: Start: »31-02-2027 09:00« er ikke en dato med klokkeslæt.", preview);
        Assert.DoesNotContain("Slut:", preview);
    }

    [Fact]
    public async Task OneRowIsOneRække()
    {
        var page = await PreviewAsync(Csv(Header, "Ét forløb;Ledere;Tværgående;1;;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix"));

        Assert.Equal("1 række", page.QuerySelector(".import-preview caption")!.TextContent.Trim());
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static string MainText(IDocument page) => page.QuerySelector("main")!.TextContent;

    private async Task<IDocument> PreviewAsync(byte[] file, string name = "forloeb.csv")
    {
        var token = await PortalFactory.AntiforgeryTokenAsync(_editor, "/admin/forloeb/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Upload", name },
        };
        var response = await _editor.PostAsync("/admin/forloeb/import?handler=Preview", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }
}
