using Medarbejdergrundlag.Web.Infrastructure;

namespace Medarbejdergrundlag.Web.Pages.Bekraeftelse;

/// <summary>
/// The charter's per-reader parts (the notice at the top, the confirm button at the end) as slots
/// of the whole-page cache: the charter is stored once per published version and each reader's
/// own status, with its form token, is spliced in for every request.
/// </summary>
public static class ReaderStatusSlots
{
    public const string Top = "reader-status-top";
    public const string End = "reader-status-end";

    public static void AddReaderStatusSlots(this IServiceCollection services)
    {
        services.AddSingleton<FormTokens>();
        services.AddSingleton<IPageSlot>(new Slot(Top, ReaderStatusPlace.Top));
        services.AddSingleton<IPageSlot>(new Slot(End, ReaderStatusPlace.End));
    }

    private sealed class Slot(string name, ReaderStatusPlace place) : IPageSlot
    {
        public string Name => name;

        public ValueTask<string> RenderAsync(HttpContext context) => new(ReaderStatusPart.RenderAsync(context, place));
    }
}
