using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>
/// Admin requests run a few at a time; the rest wait, and only past the queue is one turned away,
/// with the Danish "travlt" page (issue 18: a burst of admin views must not grow the portal's memory).
/// </summary>
public sealed class AdminConcurrencyTests
{
    [Fact]
    public async Task AdminRequestsBeyondTheLimitWaitTheirTurnAndPastTheQueueAreTurnedAwayInDanish()
    {
        var gate = new Gate();
        using var factory = new PortalFactory()
            .With("Admin:Concurrency:PermitLimit", "1")
            .With("Admin:Concurrency:QueueLimit", "1")
            .WithServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(gate)));
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        gate.Close();

        // The first holds the one turn inside its page; one of the next two waits, the other is turned away.
        var first = editor.GetAsync("/admin");
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = editor.GetAsync("/admin/log");
        var third = editor.GetAsync("/admin/hjaelp");
        var refused = await Task.WhenAny(second, third).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(first.IsCompleted);
        var answer = await refused;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("5", answer.Headers.RetryAfter?.Delta?.TotalSeconds.ToString());
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("Der er travlt lige nu", page);
        Assert.Contains("Intet er gemt eller ændret", page);
        Assert.DoesNotContain("database", page);

        // The readers' pages are not limited by the editors' queue.
        var employee = await factory.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/medarbejdergrundlag")).StatusCode);

        gate.Open();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        var waited = refused == second ? third : second;
        Assert.Equal(HttpStatusCode.OK, (await waited).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task WithTheDefaultsASecondEditorWaitsInsteadOfBeingTurnedAway()
    {
        var gate = new Gate();
        using var factory = new PortalFactory()
            .With("Admin:Concurrency:PermitLimit", "1")
            .WithServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(gate)));
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        gate.Close();

        var first = editor.GetAsync("/admin");
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var waiting = Enumerable.Range(0, 20).Select(_ => editor.GetAsync("/admin/log")).ToList();
        await Task.Delay(200);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        gate.Open();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        foreach (var w in waiting)
        {
            Assert.Equal(HttpStatusCode.OK, (await w).StatusCode);
        }
    }

    /// <summary>Holds admin pages inside their handler (after they got their turn) while closed.</summary>
    private sealed class Gate : IAsyncPageFilter
    {
        private volatile TaskCompletionSource _open = CompletedSource();

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HttpContext.Request.Path.StartsWithSegments("/admin"))
            {
                Entered.TrySetResult();
                await _open.Task;
            }

            await next();
        }

        private static TaskCompletionSource CompletedSource()
        {
            var source = new TaskCompletionSource();
            source.SetResult();
            return source;
        }
    }
}
