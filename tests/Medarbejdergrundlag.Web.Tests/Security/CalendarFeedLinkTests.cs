using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// A calendar feed link opens a feed of published course dates without a sign-in, so it must be
/// possible to take back: it expires, and "Lav nyt kalenderlink" stops every earlier link of that reader.
/// </summary>
public sealed class CalendarFeedLinkTests
{
    [Fact]
    public async Task ANewCalendarLinkStopsTheOldOneAndLeavesOtherReadersAlone()
    {
        using var factory = new PortalFactory();
        using var employee = await factory.SignedInClientAsync();
        using var colleague = await factory.SignedInClientAsync("leder");
        using var calendarProgram = factory.CreatePlainClient();
        var old = await FeedLinkAsync(employee);
        var colleagues = await FeedLinkAsync(colleague);
        Assert.Equal(HttpStatusCode.OK, (await calendarProgram.GetAsync(old)).StatusCode);

        var catalogue = await employee.GetDocumentAsync("/phoenix/forloeb");
        var confirm = catalogue.QuerySelector("a[href^='/konto/kalenderlink']")!;
        Assert.Equal("Lav nyt kalenderlink", confirm.Text());
        var page = await employee.GetDocumentAsync(confirm.GetAttribute("href")!);
        Assert.Equal("/phoenix/forloeb", page.QuerySelector("form[method=post] input[name=returnUrl]")!.GetAttribute("value"));
        var renewed = await employee.PostAsync("/konto/kalenderlink", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/phoenix/forloeb",
            ["__RequestVerificationToken"] = PortalFactory.AntiforgeryTokenFrom(page.DocumentElement.OuterHtml),
        }));
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        Assert.Equal("/phoenix/forloeb", renewed.Headers.Location!.OriginalString);
        var fresh = await FeedLinkAsync(employee);

        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.Redirect, (await calendarProgram.GetAsync(old)).StatusCode);
        var feed = await calendarProgram.GetAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await calendarProgram.GetAsync(colleagues)).StatusCode);
    }

    [Fact]
    public async Task ACalendarLinkExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory();
        factory.With("Phoenix:CalendarLinkLifetime", "30.00:00:00").WithServices(services => services.AddSingleton<TimeProvider>(clock));
        using var employee = await factory.SignedInClientAsync();
        using var calendarProgram = factory.CreatePlainClient();
        var link = await FeedLinkAsync(employee);

        clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(HttpStatusCode.OK, (await calendarProgram.GetAsync(link)).StatusCode);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await calendarProgram.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task OnlyASignedInReaderCanRenewTheirLink()
    {
        using var factory = new PortalFactory();
        using var anonymous = factory.CreatePlainClient();
        var token = await PortalFactory.AntiforgeryTokenAsync(anonymous, "/konto/log-ind");

        var response = await anonymous.PostAsync("/konto/kalenderlink", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/log-ind", response.Headers.Location!.AbsolutePath);
    }

    private static async Task<string> FeedLinkAsync(HttpClient reader)
    {
        var page = await reader.GetDocumentAsync("/phoenix/forloeb");
        return new Uri(page.QuerySelector("a.feed-link")!.GetAttribute("href")!).PathAndQuery;
    }
}
