using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>A clock the tests move, so "upcoming" and "past" are decided by the test, not the calendar.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2027, 3, 1, 11, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The real app without the example courses, on a clock the test controls, with helpers that write through the editing service.</summary>
public sealed class CoursePortal : PortalFactory
{
    public CoursePortal(string environment = "Development")
        : base(environment)
    {
    }

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<int> CourseAsync(
        string title, Audience audience, Forvaltning forvaltning, string bearings = "", string days = "1",
        bool publish = true, string lead = "", string signUp = "https://example.test/tilmeld")
    {
        using var scope = Services.CreateScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var created = await editor.CreateAsync(ContentKind.Course,
            new RevisionInput(title, null, lead, "Om forløbet.") { Course = new(audience.ToString(), forvaltning.ToString(), days, bearings, signUp) }, "Test");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Values));
        if (publish)
        {
            Assert.True((await editor.PublishAsync(created.Item!.Id, created.Item.Version, "Test")).Succeeded);
        }

        return created.Item!.Id;
    }

    public async Task<int> DateAsync(int courseId, string start, string end, string location = "Phønix", string? capacity = "20", string? taken = "0", string status = "Open")
    {
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CourseDateEditor>()
            .AddDateAsync(courseId, new CourseDateInput(start, end, location, capacity, taken, status), "Test");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Date!.Id;
    }

    public T Query<T>(Func<Medarbejdergrundlag.Content.Data.ContentDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Data.ContentDbContext>());
    }
}
