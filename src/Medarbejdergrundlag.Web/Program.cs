using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Web.Areas.Admin;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Endpoints;
using Medarbejdergrundlag.Web.Pages.Bekraeftelse;
using Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;
using Medarbejdergrundlag.Web.Security;

// `backup ...` runs a backup command instead of the server; its words are not configuration.
var builder = WebApplication.CreateBuilder(BackupCommand.Matches(args) ? [] : args);

builder.AddPortalLogging();
builder.AddPortalTelemetry();
builder.Services.AddContentStore(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddPortalDataProtection();
builder.AddPortalAuthentication();
builder.AddSecurityHeaders();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeAreaFolder("Admin", "/", PortalRoles.EditorPolicy);
    options.Conventions.LimitAdminConcurrency();
    options.Conventions.AuthorizeFolder("/TilLedere", PortalRoles.LeaderPolicy);
    options.Conventions.AllowAnonymousToPage("/Fejl");
    // Signing in, its error page and signing out; the rest of /konto (sessions, calendar link) needs a user.
    options.Conventions.AllowAnonymousToPage("/Konto/LogInd");
    options.Conventions.AllowAnonymousToPage("/Konto/LogIndFejl");
    options.Conventions.AllowAnonymousToPage("/Konto/LogUd");
});
builder.Services.AddAdminConcurrency(builder.Configuration);
builder.Services.AddPortalHealthChecks();
// Every request is Danish (dates, numbers and sorting follow da-DK, whatever the browser asks for),
// except the English pages under /en.
builder.Services.AddEnglishPages();
builder.Services.AddSingleton<LinkBuilder>();
builder.Services.AddLayoutSlots();
builder.Services.AddSingleton<IPageSlot, CalendarFeedSlot>();
builder.Services.AddSingleton<IPageSlot, Medarbejdergrundlag.Web.Pages.Aendringer.ChangeFeedSlot>();
builder.Services.AddReaderStatusSlots();
builder.Services.AddSingleton<IPageSlot, Medarbejdergrundlag.Web.Insight.SearchClickSlot>();
builder.Services.AddSingleton<QrCodes>();
builder.Services.AddSingleton<Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb.CalendarFeedLinks>();
// Danish letters are written as themselves, not as &#xE6; entities: smaller pages, readable source.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
builder.Services.Configure<AccessibilityOptions>(builder.Configuration.GetSection(AccessibilityOptions.Section));

var app = builder.Build();
app.WarnIfKeysUnencrypted();

if (BackupCommand.Matches(args))
{
    return await BackupCommand.RunAsync(app.Services, args);
}

// Example courses make the catalogue reviewable in development; Production starts with none.
await app.Services.InitializeContentStoreAsync(
    exampleCourses: app.Environment.IsDevelopment() && app.Configuration.GetValue("Phoenix:ExampleCourses", true));

// What the caches may hold, scaled to the container's memory (issue 32): the operator's check that
// the limit reached the runtime.
app.Logger.LogInformation(
    "Memory the GC may use: {AvailableMiB} MiB; whole-page cache at most {PageCacheMiB} MiB, image cache at most {ImageCacheMiB} MiB.",
    MemoryBudget.Available >> 20, WholePageCache.SizeLimit >> 20, app.Services.GetRequiredService<Medarbejdergrundlag.Content.Images.ImageStore>().CacheBytes >> 20);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fejl/500");
    app.UseHsts();
}

app.UseRequestLocalization();
app.UseSecurityHeaders();
app.UseBenchmarkBaseline();
app.UseStatusCodePagesWithReExecute("/fejl/{0}");
app.UseDatabaseOutagePage();
app.UseRouting();
app.UseAuthentication();
app.UseUserIdLogScope();
app.UseAuthorization();
// Validates the token of every endpoint that binds a form (the minimal API endpoints); Razor Pages
// validate their own. After authentication: a token belongs to the signed-in user.
app.UseAntiforgery();
// After authorization: a request that is refused anyway never waits for a turn.
app.UseRateLimiter();
app.UseWholePageCache();

app.MapStaticAssets().AllowAnonymous();
app.MapPortalHealthChecks();
app.MapRazorPages().WithStaticAssets();
app.MapPortalSignIn();
app.MapPortalEndpoints();

app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
