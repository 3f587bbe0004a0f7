using System.Net;
using System.Net.Http.Headers;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Images;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Tests.Hosting;
using Medarbejdergrundlag.Tests.Shared.Images;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Web.Tests.Images;

/// <summary>The image library through the real pages and addresses (issue 29).</summary>
public sealed class ImageLibraryPageTests(ITestOutputHelper output) : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    /// <summary>Posts the upload form as a browser does: the file under its name and type, whatever its bytes are.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient editor, byte[] file, string name, string contentType, string? alt, bool decorative = false, string altEn = "")
    {
        var token = await PortalFactory.AntiforgeryTokenAsync(editor, "/admin/billeder");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { part, "Upload", name },
            { new StringContent(alt ?? ""), "AltDa" },
            { new StringContent(altEn), "AltEn" },
        };
        if (decorative)
        {
            content.Add(new StringContent("true"), "Decorative");
        }

        return await editor.PostAsync("/admin/billeder?handler=Upload", content);
    }

    private string OnlyHash() => Query(db => db.Images.Single().Hash);

    private T Query<T>(Func<ContentDbContext, T> read)
    {
        using var db = _portal.Database.NewContext();
        return read(db);
    }

    [Fact]
    public async Task AnEditorUploadsAPhotoAndReadersGetItsSizesWithImmutableCachingAndAPolicyThatRunsNothing()
    {
        var editor = await _portal.SignedInClientAsync("hr-redaktoer");
        var uploaded = await UploadAsync(editor, TestImages.Photo(1200, 900), "phoenix.jpg", "image/jpeg", "Phønix' have om foråret");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var hash = OnlyHash();
        var page = await editor.GetDocumentAsync("/admin/billeder");
        var item = page.QuerySelector($"#billede-{hash}")!;
        Assert.Contains("Phønix' have om foråret", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hanne", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bruges ikke", item.TextContent, StringComparison.Ordinal);
        Assert.NotNull(item.QuerySelector("form.image-library__delete"));

        var reader = await _portal.SignedInClientAsync("medarbejder");
        foreach (var (path, type) in new[] { ($"/billeder/{hash}/480.webp", "image/webp"), ($"/billeder/{hash}/960.jpg", "image/jpeg"), ($"/billeder/{hash}", "image/jpeg") })
        {
            var response = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("default-src 'none'; sandbox", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal(ImageProcessor.Sniff(await response.Content.ReadAsByteArrayAsync()) switch { "webp" => "image/webp", "jpg" => "image/jpeg", var f => f }, type);
        }

        // No size that was not made (never upscaled), no other hash, and nothing for someone not signed in.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/billeder/{hash}/1600.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/billeder/{new string('0', 32)}/480.webp")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await _portal.CreatePlainClient().GetAsync($"/billeder/{hash}/480.webp")).StatusCode);
    }

    [Fact]
    public async Task AReaderWhoHasAnImageGetsA304ForItsTagAndOnlyTheServedFormatsAnswer()
    {
        var editor = await _portal.SignedInClientAsync("hr-redaktoer");
        await UploadAsync(editor, TestImages.Photo(1200, 900), "phoenix.jpg", "image/jpeg", "Phønix' have");
        var hash = OnlyHash();
        var reader = await _portal.SignedInClientAsync("medarbejder");

        var first = await reader.GetAsync($"/billeder/{hash}/480.webp");
        var tag = first.Headers.ETag!;
        Assert.Equal($"\"{hash}-480-webp\"", tag.Tag);
        Assert.Equal($"\"{hash}-max-fallback\"", (await reader.GetAsync($"/billeder/{hash}")).Headers.ETag!.Tag);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/billeder/{hash}/480.webp") { Headers = { IfNoneMatch = { tag } } };
        var notModified = await reader.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // Another size's tag does not stand for this one.
        using var other = new HttpRequestMessage(HttpMethod.Get, $"/billeder/{hash}/960.webp") { Headers = { IfNoneMatch = { tag } } };
        Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(other)).StatusCode);

        foreach (var path in new[] { $"/billeder/{hash}/480.gif", $"/billeder/{hash}/480.svg", $"/billeder/{hash}x/480.webp", $"/billeder/{hash}x" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task APngNamedJpgIsTakenAsAPngAndTextOrSvgNamedJpgIsRefusedInDanish()
    {
        var editor = await _portal.SignedInClientAsync("hr-redaktoer");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, TestImages.TransparentPng(600, 400), "foto.jpg", "image/jpeg", "Et logo")).StatusCode);
        Assert.Equal("png", Query(db => db.Images.Single().SourceFormat));
        Assert.Equal(["png", "webp"], Query(db => db.ImageRenditions.Select(r => r.Format).Distinct().OrderBy(f => f).ToList()));

        foreach (var (bytes, message) in new[]
        {
            (System.Text.Encoding.UTF8.GetBytes("Hej, jeg er en tekstfil."), ImageProcessor.NotAnImage),
            (System.Text.Encoding.UTF8.GetBytes(TestImages.SvgWithScript), ImageProcessor.SvgRefused),
        })
        {
            var refused = await UploadAsync(editor, bytes, "foto.jpg", "image/jpeg", "Et billede");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = Html.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(1, Query(db => db.Images.Count()));
    }

    [Fact]
    public async Task AnImageWithoutAltTextIsRefusedUnlessMarkedDecorative()
    {
        var editor = await _portal.SignedInClientAsync("hr-redaktoer");
        var refused = Html.Parse(await (await UploadAsync(editor, TestImages.Png(300, 200), "billede.png", "image/png", "")).Content.ReadAsStringAsync());
        Assert.Contains("alternativ tekst", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, Query(db => db.Images.Count()));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, TestImages.Png(300, 200), "billede.png", "image/png", "", decorative: true)).StatusCode);
        Assert.True(Query(db => db.Images.Single().IsDecorative));
    }

    [Fact]
    public async Task DeletingThroughThePageIsRefusedWhileADraftUsesTheImageAndRemovesEverySizeAfter()
    {
        var editor = await _portal.SignedInClientAsync("hr-redaktoer");
        await UploadAsync(editor, TestImages.Photo(1000, 600), "a.jpg", "image/jpeg", "Medarbejdere i Phønix");
        var (hash, id) = Query(db => db.Images.Select(i => new { i.Hash, i.Id }).AsEnumerable().Select(i => (i.Hash, i.Id)).Single());
        var modId = Query(db => db.Items.Single(i => i.Key == "mod").Id);

        // The edit page offers it under "Indsæt billede" with its alt text; the editor saves a draft with it.
        var edit = await editor.GetDocumentAsync($"/admin/indhold/{modId}");
        var insert = edit.QuerySelector("#insert-image button[data-insert-markdown]")!.GetAttribute("data-insert-markdown");
        Assert.Equal($"![Medarbejdere i Phønix](/billeder/{hash})", insert);
        var form = edit.QuerySelector("form.edit-form")!;
        var body = form.QuerySelector("textarea[name='Form.Body']")!.TextContent;
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(editor, $"/admin/indhold/{modId}", form, new() { ["Form.Body"] = body + "\n\n" + insert }, handler: "Save")).StatusCode);

        var token = await PortalFactory.AntiforgeryTokenAsync(editor, "/admin/billeder");
        var library = await editor.GetDocumentAsync("/admin/billeder");
        Assert.Contains("bruges på Mod (kladde)", library.QuerySelector($"#billede-{hash}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(library.QuerySelector($"#billede-{hash} form.image-library__delete"));
        var refused = await editor.PostAsync("/admin/billeder?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = $"{id}", ["__RequestVerificationToken"] = token }));
        Assert.Contains("kan ikke slettes, fordi det bruges på »Mod«", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, Query(db => db.ImageRenditions.Count())); // 480, 960 and its own 1000 px, each in WebP and JPEG

        edit = await editor.GetDocumentAsync($"/admin/indhold/{modId}");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(editor, $"/admin/indhold/{modId}", edit.QuerySelector("form.edit-form")!, new() { ["Form.Body"] = body }, handler: "Save")).StatusCode);
        var deleted = await editor.PostAsync("/admin/billeder?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = $"{id}", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal((0, 0), Query(db => (db.Images.Count(), db.ImageRenditions.Count())));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/billeder/{hash}/480.webp")).StatusCode);
    }

    [Fact]
    public async Task TheTranslationPageInsertsTheEnglishAltText()
    {
        var editor = await _portal.SignedInClientAsync("hr-redaktoer");
        await UploadAsync(editor, TestImages.Photo(800, 600), "a.jpg", "image/jpeg", "Kolleger [i] Phønix", altEn: "Colleagues at Phønix");
        await UploadAsync(editor, TestImages.TransparentPng(200, 100), "b.png", "image/png", "", decorative: true);
        var hashes = Query(db => db.Images.OrderBy(i => i.Id).Select(i => i.Hash).ToList());
        var modId = Query(db => db.Items.Single(i => i.Key == "mod").Id);

        string[] Inserts(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("#insert-image button[data-insert-markdown]").Select(b => b.GetAttribute("data-insert-markdown")!)];
        Assert.Equal([$"![dekorativ](/billeder/{hashes[1]})", $"![Kolleger \\[i\\] Phønix](/billeder/{hashes[0]})"],
            Inserts(await editor.GetDocumentAsync($"/admin/indhold/{modId}")));
        Assert.Equal([$"![decorative](/billeder/{hashes[1]})", $"![Colleagues at Phønix](/billeder/{hashes[0]})"],
            Inserts(await editor.GetDocumentAsync($"/admin/indhold/{modId}/oversaettelse")));
    }

    [Fact]
    [Trait(Needs.Trait, Needs.Process)]
    public async Task A12MegabyteUploadIsRefusedBeforeItsBodyIsReadAndThePortalsPeakMemoryStaysWithin50Megabytes()
    {
        using var database = PortalDatabase.Create();
        await using var portal = await PortalProcess.StartAsync(database.Settings);
        using var editor = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new(), AllowAutoRedirect = false }) { BaseAddress = portal.Address };
        var signIn = await editor.PostAsync("/konto/log-ind", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["persona"] = "hr-redaktoer",
            ["__RequestVerificationToken"] = await PortalFactory.AntiforgeryTokenAsync(editor, "/konto/log-ind"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await editor.GetStringAsync("/admin/billeder");
        var before = PeakMegabytes(portal.ProcessId);

        var twelveMegabytes = new byte[12 * 1024 * 1024];
        new Random(7).NextBytes(twelveMegabytes);
        twelveMegabytes[0] = 0xFF;
        twelveMegabytes[1] = 0xD8;
        twelveMegabytes[2] = 0xFF;
        HttpResponseMessage response;
        try
        {
            response = await UploadAsync(editor, twelveMegabytes, "stort.jpg", "image/jpeg", "Et stort billede");
        }
        catch (HttpRequestException e)
        {
            // The server may answer and close while the client still sends; that is a refusal too.
            output.WriteLine($"Connection closed during the upload: {e.Message}");
            response = new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge);
        }

        var after = PeakMegabytes(portal.ProcessId);
        output.WriteLine($"Peak memory (VmHWM) before {before} MB, after {after} MB.");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        if (response.Content.Headers.ContentLength > 0)
        {
            Assert.Contains("Filen er for stor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(after - before < 50, $"Peak memory grew from {before} MB to {after} MB.");
        using var db = database.NewContext();
        Assert.Equal(0, await db.Images.CountAsync());
    }

    private static long PeakMegabytes(int processId) =>
        long.Parse(File.ReadAllLines($"/proc/{processId}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;

    [Fact]
    [Trait(Needs.Trait, Needs.Postgres)]
    public async Task TwoInstancesOnPostgreSqlServeTheSameImage()
    {
        using var database = PortalDatabase.Create(ContentDatabase.Postgres);
        using var a = new PortalFactory(database);
        using var b = new PortalFactory(database);
        var editor = await a.SignedInClientAsync("hr-redaktoer");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, TestImages.Photo(1000, 750), "a.jpg", "image/jpeg", "Fællesskab")).StatusCode);
        string hash;
        using (var db = database.NewContext())
        {
            hash = db.Images.Single().Hash;
        }

        var readerA = await a.SignedInClientAsync();
        var readerB = await b.SignedInClientAsync();
        foreach (var path in new[] { $"/billeder/{hash}/480.webp", $"/billeder/{hash}/1000.jpg" })
        {
            var fromA = await readerA.GetByteArrayAsync(path);
            var fromB = await readerB.GetByteArrayAsync(path);
            Assert.True(fromA.Length > 1000);
            Assert.Equal(fromA, fromB);
        }
    }
}
