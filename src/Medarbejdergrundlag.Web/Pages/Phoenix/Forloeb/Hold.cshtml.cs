using System.Text;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>One date as an .ics file to open in a calendar.</summary>
public sealed class HoldModel(PublishedContentStore content, LinkBuilder links) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, int holdId)
    {
        var site = await content.GetAsync();
        if (site.FindCourse(slug) is not { } course)
        {
            return site.CourseRedirect(slug) is { } current ? RedirectPermanent($"/phoenix/forloeb/{current}/hold/{holdId}.ics") : NotFound();
        }

        if (course.Course!.Dates.FirstOrDefault(d => d.Id == holdId) is not { } date)
        {
            return NotFound();
        }

        var ics = CourseCalendar.Write(course.Title, [(course, date)], c => links.Absolute(Request, "/phoenix/forloeb/" + c.Slug), new Uri(links.Absolute(Request, "/")).Host);
        return File(Encoding.UTF8.GetBytes(ics), CourseCalendar.ContentType, $"{course.Slug}-{date.Id}.ics");
    }
}
