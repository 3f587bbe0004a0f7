using System.Net;
using System.Text.Json;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Operations;

public sealed class BackupTests
{
    [Fact]
    public async Task AnEditorDownloadsAllContentAsOneFile()
    {
        using var factory = new PortalFactory();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        var page = await editor.GetDocumentAsync("/admin/sikkerhedskopi");
        var link = page.QuerySelector("main a[download]")!.GetAttribute("href")!;

        var response = await editor.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^medarbejdergrundlag-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var file = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("medarbejdergrundlag-backup", file.RootElement.GetProperty("format").GetString());
        Assert.Equal(12, file.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AnEmployeeCannotDownloadTheBackup()
    {
        using var factory = new PortalFactory();
        var employee = await factory.SignedInClientAsync();

        var response = await employee.GetAsync("/admin/sikkerhedskopi?handler=Hent");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("medarbejdergrundlag-backup", await response.Content.ReadAsStringAsync());
    }

    [Trait(Needs.Trait, Needs.Postgres)]
    [Trait(Needs.Trait, Needs.Process)]
    [Fact]
    public async Task TheCommandLineExportsAndRestoresIntoAnEmptyDatabaseButNotOverContent()
    {
        using var source = new PortalFactory(provider: ContentDatabase.Postgres);
        using (source.CreatePlainClient())
        {
            // Starting the app seeds the source database.
        }

        using var target = PortalDatabase.Create(ContentDatabase.Postgres);
        var folder = Directory.CreateTempSubdirectory("mg-backup-");
        try
        {
            var exported = Path.Combine(folder.FullName, "kopi.json");
            var restored = Path.Combine(folder.FullName, "igen.json");

            var export = await PortalProcess.RunCommandAsync(source.Database.Settings, "backup", "export", exported);
            Assert.True(export.ExitCode == 0, export.Output);
            var import = await PortalProcess.RunCommandAsync(target.Settings, "backup", "import", exported);
            Assert.True(import.ExitCode == 0, import.Output);
            Assert.Contains("Indlæste 12 emner", import.Output);
            var again = await PortalProcess.RunCommandAsync(target.Settings, "backup", "import", exported);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("allerede indhold", again.Output);
            var forced = await PortalProcess.RunCommandAsync(target.Settings, "backup", "import", exported, "--force");
            Assert.True(forced.ExitCode == 0, forced.Output);
            Assert.True((await PortalProcess.RunCommandAsync(target.Settings, "backup", "export", restored)).ExitCode == 0);

            Assert.Equal(Items(exported), Items(restored));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Items(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("items").GetRawText();
    }
}
