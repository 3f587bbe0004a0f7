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
    /// <summary>The admin paths that answer GET; the others (the live preview) take POST only.</summary>
    public static IReadOnlyList<string> Pages(PortalFactory factory) =>
        Endpoints(factory).Where(e => e.AnswersGet).Select(e => e.Path).ToList();

    public static IReadOnlyList<string> Paths(PortalFactory factory) => Endpoints(factory).Select(e => e.Path).ToList();

    private static IReadOnlyList<(string Path, bool AnswersGet)> Endpoints(PortalFactory factory)
    {
        var sources = factory.Services.GetRequiredService<EndpointDataSource>();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var itemId = db.Items.AsNoTracking().Single(i => i.Key == "mod").Id;

        // Course-only pages (dates) need a course and one of its dates.
        var (courseId, dateId) = CourseWithDate(scope.ServiceProvider);
        string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var endpoints = sources.Endpoints
            .OfType<RouteEndpoint>()
            // Admin pages, and the endpoints under /admin that are not pages (the live preview).
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.AreaName == "Admin"
                || (e.Metadata.GetMetadata<PageActionDescriptor>() is null && e.RoutePattern.RawText!.TrimStart('/').StartsWith("admin/", StringComparison.Ordinal)))
            .Select(e => (
                Path: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                AnswersGet: e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { HttpMethods.Count: > 0 } methods
                    || methods.HttpMethods.Contains("GET")))
            .Where(e => !e.Path.EndsWith("/Index", StringComparison.OrdinalIgnoreCase))
            .Select(e => (Path: e.Path
                .Replace("{id:int}", Id(e.Path.Contains("/hold", StringComparison.Ordinal) ? courseId : itemId), StringComparison.Ordinal)
                .Replace("{holdId:int}", Id(dateId), StringComparison.Ordinal)
                .Replace("{kind}", "pejlemaerke", StringComparison.Ordinal), e.AnswersGet))
            .DistinctBy(e => e.Path, StringComparer.OrdinalIgnoreCase)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();

        if (endpoints.Any(e => e.Path.Contains('{', StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("An admin route has a parameter these tests cannot fill: " + string.Join(", ", endpoints.Select(e => e.Path)));
        }

        return endpoints;
    }

    /// <summary>A course and one of its dates, made if there is none.</summary>
    public static (int CourseId, int DateId) CourseWithDate(IServiceProvider services)
    {
        var db = services.GetRequiredService<ContentDbContext>();
        var existing = db.CourseDates.AsNoTracking().OrderBy(d => d.Id).FirstOrDefault();
        if (existing is not null)
        {
            return (existing.ContentItemId, existing.Id);
        }

        var editor = services.GetRequiredService<Medarbejdergrundlag.Content.Editing.ContentEditor>();
        var course = editor.CreateAsync(Medarbejdergrundlag.Content.Model.ContentKind.Course,
            new("Forløb til adgangstest", null, "", "") { Course = new("Alle", "Tværgående", "1", "", "phoenix@odense.dk") }, "Test").GetAwaiter().GetResult();
        var date = services.GetRequiredService<Medarbejdergrundlag.Content.Editing.CourseDateEditor>().AddDateAsync(course.Item!.Id, new("24-03-2027 09:00", "16:00", "Phønix", "", "", ""), "Test").GetAwaiter().GetResult();
        return (course.Item.Id, date.Date!.Id);
    }
}
