using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddContentStore(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddPortalAuthentication();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeAreaFolder("Admin", "/", PortalRoles.EditorPolicy);
    options.Conventions.AllowAnonymousToPage("/Fejl");
    options.Conventions.AllowAnonymousToFolder("/Konto");
});
builder.Services.AddPortalHealthChecks();
builder.Services.AddSingleton<LinkBuilder>();
builder.Services.AddSingleton<Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb.CalendarFeedLinks>();
// Danish letters are written as themselves, not as &#xE6; entities: smaller pages, readable source.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));

var app = builder.Build();

// Example courses make the catalogue reviewable in development; Production starts with none.
await app.Services.InitializeContentStoreAsync(
    exampleCourses: app.Environment.IsDevelopment() && app.Configuration.GetValue("Phoenix:ExampleCourses", true));

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fejl/500");
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/fejl/{0}");
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapStaticAssets().AllowAnonymous();
app.MapPortalHealthChecks();
app.MapRazorPages().WithStaticAssets();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
