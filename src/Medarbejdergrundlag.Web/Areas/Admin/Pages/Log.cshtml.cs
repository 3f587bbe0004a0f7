using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

public sealed class LogModel(ContentDbContext db) : PageModel
{
    private const int PageSize = 200;

    [BindProperty(SupportsGet = true, Name = "bruger")]
    public string? EditorFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "handling")]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "indhold")]
    public int? ItemId { get; set; }

    [BindProperty(SupportsGet = true, Name = "fra")]
    public DateOnly? FromDate { get; set; }

    [BindProperty(SupportsGet = true, Name = "til")]
    public DateOnly? ToDate { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<string> Users { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title)> Items { get; private set; } = [];

    public static string Describe(AuditAction action) => action switch
    {
        AuditAction.Created => "Oprettet",
        AuditAction.Saved => "Gemt",
        AuditAction.Published => "Udgivet",
        AuditAction.Restored => "Gendannet",
        AuditAction.Archived => "Arkiveret",
        AuditAction.Unarchived => "Hentet fra arkiv",
        AuditAction.Reordered => "Rækkefølge ændret",
        AuditAction.DateAdded => "Hold tilføjet",
        AuditAction.DateChanged => "Hold ændret",
        AuditAction.DateRemoved => "Hold fjernet",
        AuditAction.DateRestored => "Hold hentet tilbage",
        AuditAction.Imported => "Importeret",
        AuditAction.TranslationSaved => "Oversættelse gemt",
        AuditAction.TranslationPublished => "Oversættelse udgivet",
        AuditAction.Scheduled => "Planlagt",
        AuditAction.ScheduleCancelled => "Planlægning annulleret",
        AuditAction.ScheduleFailed => "Planlægning mislykkedes",
        AuditAction.Reviewed => "Gennemgået",
        AuditAction.ReviewChanged => "Ansvarlig eller gennemgang ændret",
        AuditAction.TranslationRestored => "Oversættelse gendannet",
        AuditAction.TranslationUnpublished => "Oversættelse taget af de engelske sider",
        AuditAction.ApprovalRequested => "Sendt til godkendelse",
        AuditAction.Approved => "Godkendt",
        AuditAction.ApprovalReturned => "Sendt tilbage",
        AuditAction.ConsultationLinkCreated => "Høringslink oprettet",
        AuditAction.ConsultationLinkRevoked => "Høringslink tilbagekaldt",
        AuditAction.ConsultationCommented => "Kommentar fra høring",
        AuditAction.NotificationSent => "Besked om ændring sendt",
        AuditAction.NotificationFailed => "Besked om ændring ikke sendt",
        _ => action.ToString(),
    };

    public async Task OnGetAsync()
    {
        // A malformed filter (a date like 31-02) is reported, and the rest of the filter still applies.
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
        {
            entry!.Errors.Clear();
            ModelState.AddModelError("", $"Filteret »{key}« kunne ikke forstås og er ikke brugt.");
        }

        Users = await db.AuditEntries.Select(a => a.User).Distinct().OrderBy(u => u).ToListAsync();
        Items = (await db.Items.AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.SortOrder)
                .Select(i => new { i.Id, i.CurrentRevision!.Title }).ToListAsync())
            .Select(i => (i.Id, i.Title)).ToList();

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(EditorFilter))
        {
            query = query.Where(a => a.User == EditorFilter);
        }

        if (Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (ItemId is { } itemId)
        {
            query = query.Where(a => a.ContentItemId == itemId);
        }

        if (FromDate is { } from)
        {
            var start = StartOfDayUtc(from);
            query = query.Where(a => a.At >= start);
        }

        if (ToDate is { } to)
        {
            var end = StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }

        Total = await query.CountAsync();
        Entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync();
    }

    private static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), PortalCulture.Copenhagen);
}
