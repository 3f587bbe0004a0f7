using Medarbejdergrundlag.Content.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>Every page of the admin area, read from the app's own endpoints, with route values filled in.</summary>
public static class AdminEndpoints
{
    public static IReadOnlyList<string> Paths(PortalFactory factory)
    {
        var sources = factory.Services.GetRequiredService<EndpointDataSource>();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var itemId = db.Items.AsNoTracking().Single(i => i.Key == "mod").Id;

        // Course-only pages (dates) need a course and one of its dates.
        var (courseId, dateId) = CourseWithDate(scope.ServiceProvider);
        string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var paths = sources.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.AreaName == "Admin")
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.EndsWith("/Index", StringComparison.OrdinalIgnoreCase))
            .Select(p => p
                .Replace("{id:int}", Id(p.Contains("/hold", StringComparison.Ordinal) ? courseId : itemId), StringComparison.Ordinal)
                .Replace("{holdId:int}", Id(dateId), StringComparison.Ordinal)
                .Replace("{kind}", "pejlemaerke", StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

        if (paths.Any(p => p.Contains('{', StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("An admin route has a parameter these tests cannot fill: " + string.Join(", ", paths));
        }

        return paths;
    }

    private static (int CourseId, int DateId) CourseWithDate(IServiceProvider services)
    {
        var db = services.GetRequiredService<ContentDbContext>();
        var existing = db.CourseDates.AsNoTracking().OrderBy(d => d.Id).FirstOrDefault();
        if (existing is not null)
        {
            return (existing.ContentItemId, existing.Id);
        }

        var editor = services.GetRequiredService<Medarbejdergrundlag.Content.Editing.ContentEditor>();
        var course = editor.CreateAsync(Medarbejdergrundlag.Content.Model.ContentKind.Course,
            new("Forløb til adgangstest", null, "", "", null, null, "Alle", "Tværgående", "1", "", "phoenix@odense.dk"), "Test").GetAwaiter().GetResult();
        var date = editor.AddDateAsync(course.Item!.Id, new("24-03-2027 09:00", "16:00", "Phønix", "", "", ""), "Test").GetAwaiter().GetResult();
        return (course.Item.Id, date.Date!.Id);
    }
}
