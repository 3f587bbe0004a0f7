using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Notifications;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>
/// A material change reaches people once: an outbox row per channel written with the publish, sent by
/// whichever instance claims it, retried while the mail server is down. Real SMTP server, real HTTP
/// receiver, real databases. Approval is off here (Governance:ApprovalRequiredFor=None): these publish
/// material changes by hand, and an approved publish takes the same path (ApprovalTests).
/// </summary>
public sealed class NotificationTests(ITestOutputHelper output)
{
    private const string DistributionList = "alle-medarbejdere@example.org";

    [Fact]
    [Trait(Needs.Trait, Needs.Postgres)]
    [Trait(Needs.Trait, Needs.Process)]
    public async Task TwoInstancesOnPostgresSendExactlyOneEmailPerMaterialChange()
    {
        using var smtp = await SmtpServerProcess.StartAsync();
        using var database = PortalDatabase.Create(ContentDatabase.Postgres);
        using var a = WithEmail(new PortalFactory(database).With("Governance:ApprovalRequiredFor", "None"), smtp.Port);
        using var b = WithEmail(new PortalFactory(database).With("Governance:ApprovalRequiredFor", "None"), smtp.Port);
        // Start both, so both dispatchers poll the same outbox.
        Assert.Equal(HttpStatusCode.OK, (await a.CreatePlainClient().GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.CreatePlainClient().GetAsync("/health/live")).StatusCode);

        // Six material changes, published on either instance, and a minor one. While the two workers
        // poll, the test also asks both dispatchers at once, so every row is fought over.
        var titles = Enumerable.Range(1, 6).Select(n => $"Pejlemærket, ændring {n}").ToList();
        var contest = Task.Run(async () =>
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.WhenAll(
                    a.Services.GetRequiredService<NotificationDispatcher>().DeliverDueAsync(),
                    b.Services.GetRequiredService<NotificationDispatcher>().DeliverDueAsync());
            }
        });
        for (var n = 0; n < titles.Count; n++)
        {
            await (n % 2 == 0 ? a : b).PublishChangeAsync(n % 3 == 0 ? "udvikling" : "mod", titles[n], $"Ændring nummer {n + 1}.", material: true);
        }

        await a.PublishChangeAsync("mod", "Mod, kun et ord rettet", "Kun et ord.", material: false);

        await smtp.WaitForAsync(titles.Count, TimeSpan.FromSeconds(30));
        await contest;
        // Time for a second send, were either instance to make one.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var messages = smtp.Messages;
        output.WriteLine(string.Join('\n', messages.Select(m => m.Parsed.Subject)));
        Assert.Equal(titles.Count, messages.Count);
        var subjects = messages.Select(m => m.Parsed.Subject).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(titles.Select(t => "Medarbejdergrundlaget er ændret: " + t).Order(StringComparer.Ordinal), subjects);
        Assert.All(messages, m => Assert.Equal([DistributionList], m.To));
        var body = messages.Single(m => m.Parsed.Subject!.EndsWith(titles[3], StringComparison.Ordinal)).Parsed.TextBody;
        Assert.Contains("Ændring nummer 4.", body, StringComparison.Ordinal);
        Assert.Contains("https://medarbejdergrundlag.example.org/aendringer", body, StringComparison.Ordinal);

        await using var db = database.NewContext();
        Assert.All(await db.NotificationOutbox.ToListAsync(), n => Assert.NotNull(n.SentAt));
        var sent = await db.AuditEntries.Where(e => e.Action == AuditAction.NotificationSent).ToListAsync();
        Assert.Equal(titles.Count, sent.Count);
        Assert.All(sent, e => Assert.StartsWith("E-mail til fordelingslisten om version", e.Details));
        Assert.All(await db.AuditEntries.ToListAsync(), e => Assert.DoesNotContain(DistributionList, e.Details, StringComparison.Ordinal));
    }

    [Fact]
    [Trait(Needs.Trait, Needs.Postgres)]
    [Trait(Needs.Trait, Needs.Process)]
    public async Task TwoPortalProcessesOnPostgresSendExactlyOneEmailPerMaterialChange()
    {
        using var smtp = await SmtpServerProcess.StartAsync();
        using var database = PortalDatabase.Create(ContentDatabase.Postgres);
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Governance:ApprovalRequiredFor"] = "None",
            ["Notifications:Email:Host"] = "127.0.0.1",
            ["Notifications:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Email:From"] = "medarbejdergrundlag@example.org",
            ["Notifications:Email:To"] = DistributionList,
            ["Notifications:Email:Tls"] = "None",
            ["Notifications:PollInterval"] = "00:00:00.100",
            ["Portal:PublicBaseUrl"] = "https://medarbejdergrundlag.example.org",
        };
        // Two portals as a server runs them, each its own process with its own notification worker.
        await using var a = await PortalProcess.StartAsync(settings);
        await using var b = await PortalProcess.StartAsync(settings);
        try
        {
            using var clientA = a.CreateClient();
            using var clientB = b.CreateClient();
            // One material change published on each instance, through the editor's form, and a minor one.
            await PublishOverHttpAsync(database, clientA, "mod", "Et nyt afsnit om mod.", material: true);
            await PublishOverHttpAsync(database, clientB, "udvikling", "Et nyt afsnit om udvikling.", material: true);
            await PublishOverHttpAsync(database, clientA, "mod", "Et ord mere.", material: false);

            await smtp.WaitForAsync(2, TimeSpan.FromSeconds(30));
            // Time for a second send, were either process to make one: each polls ten times a second.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var subjects = smtp.Messages.Select(m => m.Parsed.Subject).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["Medarbejdergrundlaget er ændret: Mod", "Medarbejdergrundlaget er ændret: Udvikling"], subjects);

            await using var db = database.NewContext();
            Assert.All(await db.NotificationOutbox.ToListAsync(), n => Assert.NotNull(n.SentAt));
            Assert.Equal(2, await db.NotificationOutbox.CountAsync());
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.NotificationSent));
            // Exactly one of the two processes sent each, by their own logs.
            Assert.Equal(2, a.Output.Concat(b.Output).Count(l => l.Contains("Sent notification", StringComparison.Ordinal)));
        }
        finally
        {
            output.WriteLine(string.Join('\n', a.Output.Select(l => "A| " + l).Concat(b.Output.Select(l => "B| " + l))));
        }
    }

    [Fact]
    [Trait(Needs.Trait, Needs.Process)]
    public async Task AMailServerThatIsDownAtTheFirstAttemptGetsTheMessageOnceWhenItComesBack()
    {
        var port = SmtpServerProcess.FreePort();
        using var portal = WithEmail(new PortalFactory().With("Governance:ApprovalRequiredFor", "None"), port).With("Notifications:RetryDelay", "00:00:01");
        Assert.Equal(HttpStatusCode.OK, (await portal.CreatePlainClient().GetAsync("/health/live")).StatusCode);
        await portal.PublishChangeAsync("mod", "Mod mens posten er nede", "Skrevet mens mailserveren var nede.", material: true);

        // Nothing listens on the port: the first attempt fails and is logged with when it is tried again.
        await using (var db = portal.Database.NewContext())
        {
            var watch = Stopwatch.StartNew();
            while (!await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.NotificationFailed) && watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }

            var failed = await db.AuditEntries.FirstOrDefaultAsync(e => e.Action == AuditAction.NotificationFailed);
            Assert.NotNull(failed);
            Assert.Contains("kunne ikke sendes (forsøg 1)", failed.Details, StringComparison.Ordinal);
            Assert.Contains("Prøver igen", failed.Details, StringComparison.Ordinal);
        }

        using var smtp = await SmtpServerProcess.StartAsync(port);
        var messages = await smtp.WaitForAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(smtp.Messages);
        Assert.Equal("Medarbejdergrundlaget er ændret: Mod mens posten er nede", messages[0].Parsed.Subject);

        await using var after = portal.Database.NewContext();
        var entry = await after.NotificationOutbox.SingleAsync();
        Assert.NotNull(entry.SentAt);
        Assert.True(entry.Attempts >= 2, $"{entry.Attempts} attempts");
        Assert.Equal(1, await after.AuditEntries.CountAsync(e => e.Action == AuditAction.NotificationSent));
        output.WriteLine($"Sent at attempt {entry.Attempts}.");
    }

    [Fact]
    public async Task AWebhookGetsExactlyOneJsonPostPerMaterialChangeAndAMinorChangeSendsNothing()
    {
        var port = SmtpServerProcess.FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        listener.Start();
        var posts = new List<(string Method, string? ContentType, string Body)>();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                lock (posts)
                {
                    posts.Add((context.Request.HttpMethod, context.Request.ContentType, body));
                }

                context.Response.StatusCode = 202;
                context.Response.Close();
            }
        });

        using var portal = new PortalFactory().With("Governance:ApprovalRequiredFor", "None")
            .With("Notifications:Webhook:Url", $"http://127.0.0.1:{port}/hook/")
            .With("Notifications:PollInterval", "00:00:00.200")
            .With("Portal:PublicBaseUrl", "https://medarbejdergrundlag.example.org");
        Assert.Equal(HttpStatusCode.OK, (await portal.CreatePlainClient().GetAsync("/health/live")).StatusCode);
        await portal.PublishChangeAsync("mod", "Mod i fællesskab", "Afsnittet om fællesskab er skrevet om.", material: true);
        await portal.PublishChangeAsync("mod", "Mod i fællesskabet", "Et ord rettet.", material: false);

        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20) && posts.Count == 0)
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        listener.Stop();
        var post = Assert.Single(posts);
        Assert.Equal("POST", post.Method);
        Assert.StartsWith("application/json", post.ContentType);
        var json = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("https://medarbejdergrundlag.example.org/aendringer", json.GetProperty("link").GetString());
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal("Mod i fællesskab", item.GetProperty("title").GetString());
        Assert.Equal("Afsnittet om fællesskab er skrevet om.", item.GetProperty("changeNote").GetString());
        Assert.Contains("Mod i fællesskab", json.GetProperty("text").GetString(), StringComparison.Ordinal);

        await using var db = portal.Database.NewContext();
        var row = await db.NotificationOutbox.SingleAsync();
        Assert.Equal(NotificationChannel.Webhook, row.Channel);
        Assert.NotNull(row.SentAt);
        Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditAction.NotificationSent).ToListAsync());
    }

    [Fact]
    public async Task WithNothingConfiguredAMaterialChangeQueuesNothing()
    {
        using var portal = new PortalFactory().With("Governance:ApprovalRequiredFor", "None");
        await portal.PublishChangeAsync("mod", "Mod uden besked", "Ingen kanal er sat op.", material: true);
        await using var db = portal.Database.NewContext();
        Assert.Equal(0, await db.NotificationOutbox.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Published && e.ItemTitle == "Mod uden besked"));
    }

    /// <summary>"Gem og udgiv" on an instance's edit page, as HR does it, signed in there: <paramref name="paragraph"/> is added to the text.</summary>
    private static async Task PublishOverHttpAsync(PortalDatabase database, HttpClient client, string key, string paragraph, bool material)
    {
        int id;
        await using (var db = database.NewContext())
        {
            id = (await db.Items.SingleAsync(i => i.Key == key)).Id;
        }

        var session = await PersonaSignIn.SessionCookieAsync(client, "hr-redaktoer");
        var path = $"/admin/indhold/{id}";
        var edit = await client.GetWithCookieAsync(path, session);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var antiforgery = edit.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Single(c => c.StartsWith("mg.af=", StringComparison.Ordinal))
            : throw new InvalidOperationException("The edit page set no antiforgery cookie.");
        var form = Html.Parse(await edit.Content.ReadAsStringAsync()).QuerySelector("form.edit-form")!;
        var fields = Forms.Fields(form);
        fields["Form.Body"] += "\n\n" + paragraph;
        fields["Form.ChangeNote"] = paragraph;
        if (material)
        {
            fields["Form.MaterialChange"] = "true";
        }
        else
        {
            fields.Remove("Form.MaterialChange");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path + "?handler=Publish") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", session + "; " + antiforgery);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static PortalFactory WithEmail(PortalFactory factory, int port) => factory
        .With("Notifications:Email:Host", "127.0.0.1")
        .With("Notifications:Email:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Notifications:Email:From", "medarbejdergrundlag@example.org")
        .With("Notifications:Email:To", DistributionList)
        .With("Notifications:Email:Tls", "None")
        .With("Notifications:PollInterval", "00:00:00.200")
        .With("Portal:PublicBaseUrl", "https://medarbejdergrundlag.example.org");
}
