using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Images;
using Medarbejdergrundlag.Content.Markdown;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Tests.Shared.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Images;

/// <summary>The image library on a real SQLite store: what is taken, what is refused, what is stored, and how Markdown shows it (issue 29).</summary>
public sealed class ImageLibraryTests : IAsyncLifetime
{
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    private TestDatabase _database = default!;
    private AsyncServiceScope _scope;

    private ImageLibrary Library => _scope.ServiceProvider.GetRequiredService<ImageLibrary>();

    private ContentEditor Editor => _scope.ServiceProvider.GetRequiredService<ContentEditor>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _scope = _database.Services.CreateAsyncScope();
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<LibraryImage> UploadAsync(byte[] file, string? alt = "Phønix' have om foråret", bool decorative = false)
    {
        var result = await Library.UploadAsync(file, alt, null, decorative, Hanne);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Image!;
    }

    private async Task<string> RefusalAsync(byte[] file)
    {
        var result = await Library.UploadAsync(file, "Et billede", null, decorative: false, Hanne);
        Assert.False(result.Succeeded);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Images.CountAsync());
        Assert.Equal(0, await db.ImageRenditions.CountAsync());
        return result.Errors[ImageLibrary.FileField];
    }

    [Fact]
    [Trait(Needs.Trait, Needs.Process)]
    public async Task AStoredPhotoCarriesNoneOfItsGpsCameraOrDescription()
    {
        var photo = TestImages.WithPrivateMetadata(TestImages.Photo(2000, 1500));
        var before = TestImages.Tags(photo);
        // The upload really has them, read by the same reader: otherwise this test proves nothing.
        Assert.Contains("GPSLatitude", before, StringComparison.Ordinal);
        Assert.Contains("Hemmelig Kamerafabrik", before, StringComparison.Ordinal);
        Assert.Contains("Flakhaven", before, StringComparison.Ordinal);

        var image = await UploadAsync(photo);

        await using var db = _database.NewContext();
        var renditions = await db.ImageRenditions.Where(r => r.ImageId == image.Id).ToListAsync();
        Assert.Equal(
            ["480.jpg", "480.webp", "960.jpg", "960.webp", "1600.jpg", "1600.webp"],
            renditions.OrderBy(r => r.Width).ThenBy(r => r.Format, StringComparer.Ordinal).Select(r => $"{r.Width}.{r.Format}"));
        foreach (var rendition in renditions)
        {
            var tags = TestImages.Tags(rendition.Bytes);
            foreach (var secret in new[] { "GPS", "Make", "Model", "Hemmelig", "Spion", "Flakhaven", "Artist", "Hanne", "[XMP", "[IPTC", "ImageDescription" })
            {
                Assert.False(tags.Contains(secret, StringComparison.Ordinal), $"{rendition.Width}.{rendition.Format} still has {secret}:\n{tags}");
            }
        }
    }

    [Fact]
    [Trait(Needs.Trait, Needs.Process)]
    public async Task ThePhotosOrientationIsAppliedToItsPixels()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mg-orient-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(path, TestImages.Photo(800, 400));
        using (var process = System.Diagnostics.Process.Start(TestImages.Exiftool, ["-overwrite_original", "-n", "-Orientation=6", path]))
        {
            await process.WaitForExitAsync();
        }

        var rotated = await File.ReadAllBytesAsync(path);
        File.Delete(path);

        var image = await UploadAsync(rotated);

        // Stored upright: 400 wide, 800 high, with no orientation tag left to turn it again.
        Assert.Equal((400, 800), (image.Width, image.Height));
        Assert.All(image.Renditions, r => Assert.True(r.Height > r.Width));
        Assert.DoesNotContain("Orientation", TestImages.Tags(image.Renditions[0].Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnSvgWithScriptIsRefusedWithADanishMessage() =>
        Assert.Equal(ImageProcessor.SvgRefused, await RefusalAsync(System.Text.Encoding.UTF8.GetBytes(TestImages.SvgWithScript)));

    [Fact]
    public async Task TextIsRefusedWhateverItIsCalled() =>
        Assert.Equal(ImageProcessor.NotAnImage, await RefusalAsync(System.Text.Encoding.UTF8.GetBytes("Dette er ikke et billede, selv om filen hedder foto.jpg.\n")));

    [Fact]
    public async Task AHeaderClaiming50000By50000PixelsIsRefusedBeforeDecoding()
    {
        var bomb = TestImages.PngClaiming(50_000, 50_000);
        Assert.True(bomb.Length < 1000);
        var before = System.Diagnostics.Process.GetCurrentProcess().WorkingSet64;

        // Decoding would need 10 GB; the header alone says no.
        Assert.Equal(ImageProcessor.TooManyPixels(40_000_000), await RefusalAsync(bomb));
        Assert.True(System.Diagnostics.Process.GetCurrentProcess().WorkingSet64 - before < 50L * 1024 * 1024);
    }

    [Fact]
    public async Task APngIsStoredAsAPngWithWebPAndTransparencyKeepsAPngFallback()
    {
        var opaque = await UploadAsync(TestImages.Png(800, 600));
        var transparent = await UploadAsync(TestImages.TransparentPng(300, 200), decorative: true, alt: null);

        Assert.Equal("png", opaque.SourceFormat);
        // An opaque picture's fallback is a JPEG; a transparent one's a PNG, never upscaled past its 300 px.
        Assert.Equal(["480.jpg", "480.webp", "800.jpg", "800.webp"], opaque.Renditions.OrderBy(r => r.Width).ThenBy(r => r.Format, StringComparer.Ordinal).Select(r => $"{r.Width}.{r.Format}"));
        Assert.Equal(["300.png", "300.webp"], transparent.Renditions.OrderBy(r => r.Format, StringComparer.Ordinal).Select(r => $"{r.Width}.{r.Format}"));
        Assert.All(opaque.Renditions.Concat(transparent.Renditions), r => Assert.Equal(r.Format, ImageProcessor.Sniff(r.Bytes)));
    }

    [Fact]
    public async Task AltTextIsRequiredUnlessTheImageIsDecorative()
    {
        var result = await Library.UploadAsync(TestImages.Png(200, 100), "  ", null, decorative: false, Hanne);
        Assert.Contains("alternativ tekst", result.Errors[ImageLibrary.AltField], StringComparison.Ordinal);

        var decorative = await UploadAsync(TestImages.Png(200, 100), alt: "ignoreres", decorative: true);
        Assert.Equal(("", true), (decorative.AltDa, decorative.IsDecorative));
    }

    [Fact]
    public async Task AnImageInUseCannotBeDeletedAndAnUnusedOneGoesWithEverySize()
    {
        var image = await UploadAsync(TestImages.Photo(1200, 800));
        var item = await _scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Data.ContentDbContext>().Items.AsNoTracking().SingleAsync(i => i.Key == "mod");
        var mod = (await Editor.FindAsync(item.Id))!;
        var input = RevisionInput.From(mod.CurrentRevision!);
        Assert.True((await Editor.SaveDraftAsync(mod.Id, mod.Version, input with { Body = input.Body + $"\n\n![Phønix' have]({ImageAddress.Of(image.Hash)})" }, Hanne)).Succeeded);

        var refused = await Library.DeleteAsync(image.Id);
        Assert.False(refused.Succeeded);
        Assert.Contains($"bruges på »{mod.CurrentRevision!.Title}«", refused.Errors[""], StringComparison.Ordinal);
        var listed = Assert.Single(await Library.ListAsync());
        Assert.Equal((mod.Id, true), (Assert.Single(listed.UsedOn).ItemId, listed.UsedOn[0].InDraftOnly));

        // The draft no longer names it: it is unused, and deleting it removes every size.
        mod = (await Editor.FindAsync(item.Id))!;
        Assert.True((await Editor.SaveDraftAsync(mod.Id, mod.Version, input, Hanne)).Succeeded);
        Assert.Empty((await Library.ListAsync())[0].UsedOn);
        Assert.True((await Library.DeleteAsync(image.Id)).Succeeded);
        await using var db = _database.NewContext();
        Assert.Equal((0, 0), (await db.Images.CountAsync(), await db.ImageRenditions.CountAsync()));
    }

    [Fact]
    public async Task ALibraryImageIsPublishedWithSrcsetSizesWidthHeightAndLazyLoadingAfterTheFirst()
    {
        var photo = await UploadAsync(TestImages.Photo(2000, 1500));
        var ornament = await UploadAsync(TestImages.TransparentPng(300, 200), alt: null, decorative: true);
        var item = await _scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Data.ContentDbContext>().Items.AsNoTracking().SingleAsync(i => i.Key == "mod");
        var mod = (await Editor.FindAsync(item.Id))!;
        var input = RevisionInput.From(mod.CurrentRevision!);
        var body = $"![Phønix' have om foråret]({ImageAddress.Of(photo.Hash)})\n\n{input.Body}\n\n![{MarkdownAlt.Decorative}]({ImageAddress.Of(ornament.Hash)})";

        // Published through the one path, content checks included: both images pass them.
        var published = await Editor.SaveAndPublishAsync(mod.Id, mod.Version, input with { Body = body }, Hanne);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values));

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(published.Revision!.BodyHtml);
        var pictures = html.QuerySelectorAll("picture");
        Assert.Equal(2, pictures.Length);
        var first = pictures[0];
        var h = photo.Hash;
        Assert.Equal($"/billeder/{h}/480.webp 480w, /billeder/{h}/960.webp 960w, /billeder/{h}/1600.webp 1600w", first.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"));
        var img = first.QuerySelector("img")!;
        Assert.Equal($"/billeder/{h}/480.jpg 480w, /billeder/{h}/960.jpg 960w, /billeder/{h}/1600.jpg 1600w", img.GetAttribute("srcset"));
        Assert.Equal(
            ($"/billeder/{h}/1600.jpg", MarkdigRenderer.ImageSizesAttribute, "1600", "1200", "Phønix' have om foråret", null),
            (img.GetAttribute("src"), img.GetAttribute("sizes"), img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt"), img.GetAttribute("loading")));
        var second = pictures[1].QuerySelector("img")!;
        Assert.Equal(("lazy", "", "presentation", "300", "200"), (second.GetAttribute("loading"), second.GetAttribute("alt"), second.GetAttribute("role"), second.GetAttribute("width"), second.GetAttribute("height")));
        Assert.Equal($"/billeder/{ornament.Hash}/300.png 300w", second.GetAttribute("srcset"));
    }

    [Fact]
    public async Task AnAddressTheLibraryDoesNotKnowStaysAPlainImage()
    {
        var known = await UploadAsync(TestImages.Png(300, 200));
        var unknown = new string('a', 32);
        var html = _scope.ServiceProvider.GetRequiredService<IMarkdownRenderer>().RenderBlock(
            $"![Kendt](/billeder/{known.Hash})\n\n![Ukendt](/billeder/{unknown})", null,
            _scope.ServiceProvider.GetRequiredService<ImageCatalog>().Lookup([known.Hash, unknown]));
        Assert.Contains($"<p><img src=\"/billeder/{unknown}\" alt=\"Ukendt\" /></p>", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<picture>").Length - 1);
    }

    [Fact]
    public async Task ABackupCarriesTheImagesAndRefusesOneWhoseBytesAreNotTheirImageType()
    {
        var image = await UploadAsync(TestImages.Photo(700, 500));
        var backup = _scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Backup.ContentBackup>();
        using var exported = new MemoryStream();
        await backup.ExportAsync(exported);
        var json = System.Text.Json.Nodes.JsonNode.Parse(exported.ToArray())!;
        var renditions = json["images"]![0]!["renditions"]!.AsArray();
        Assert.Equal(image.Hash, json["images"]![0]!["hash"]!.GetValue<string>());
        Assert.Equal(4, renditions.Count);

        // Forced back into the same database, the file's images replace the library's, every size with them.
        await backup.ImportAsync(new MemoryStream(exported.ToArray()), force: true);
        await using (var db = _database.NewContext())
        {
            Assert.Equal((1, 4), (await db.Images.CountAsync(), await db.ImageRenditions.CountAsync()));
        }

        // A file whose "image" is HTML is refused, and nothing changes.
        renditions[0]!["bytes"] = Convert.ToBase64String("<html><script>alert(1)</script></html>"u8.ToArray());
        var tampered = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
        var refused = await Assert.ThrowsAsync<Medarbejdergrundlag.Content.Backup.ContentBackupException>(() => backup.ImportAsync(new MemoryStream(tampered), force: true));
        Assert.Contains("ikke er et", refused.Message, StringComparison.Ordinal);
        await using (var db = _database.NewContext())
        {
            Assert.Equal((1, 4), (await db.Images.CountAsync(), await db.ImageRenditions.CountAsync()));
        }
    }

    [Theory]
    [InlineData("<img src=\"/x.png\" srcset=\"https://evil.example/x.png 1w\" sizes=\"100vw\" width=\"1\" height=\"1\" alt=\"x\" />")]
    [InlineData("<picture><source type=\"text/html\" srcset=\"https://evil.example/x 1w\" /><img src=\"/x.png\" srcset=\"/x.png 1w\" alt=\"x\" /></picture>")]
    public void TheSanitizerKeepsImageSizesOnlyWhereTheRendererWritesThem(string html)
    {
        var clean = FragmentSanitizer.Sanitize(html);
        foreach (var attribute in new[] { "srcset", "sizes", "width", "height", "type=" })
        {
            Assert.DoesNotContain(attribute, clean, StringComparison.Ordinal);
        }
    }
}
