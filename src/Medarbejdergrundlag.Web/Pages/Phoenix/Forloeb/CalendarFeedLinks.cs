using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>
/// Calendar programs fetch a subscribed feed without the reader's sign-in cookie. A signed-in
/// reader therefore gets a feed link carrying a token, protected with the app's Data Protection
/// keys, that opens exactly that filtered feed of published course dates and nothing else in the
/// portal. The token names its reader and their link generation, and it expires
/// (<c>Phoenix:CalendarLinkLifetime</c>, default 90 days): "Lav nyt kalenderlink" moves the
/// generation on, so every earlier link of that reader stops working, and so does a back-channel
/// logout that signs the user out everywhere. A link thus outlives the account by 90 days at most,
/// and not at all where the provider signs a departing user out.
/// </summary>
public sealed class CalendarFeedLinks(IDataProtectionProvider protection, IDbContextFactory<ContentDbContext> dbFactory, TimeProvider clock, IConfiguration configuration)
{
    public const string TokenParameter = "adgang";

    private readonly IDataProtector _protector = protection.CreateProtector("Phoenix.CalendarFeed.v2");

    // Links made before links had owners: they open their feed until the key that protected them is
    // no longer the current one (Data Protection rolls keys every 90 days); then they expire too.
    private readonly IDataProtector _legacy = protection.CreateProtector("Phoenix.CalendarFeed.v1");

    public TimeSpan Lifetime => configuration.GetValue("Phoenix:CalendarLinkLifetime", TimeSpan.FromDays(90));

    public async Task<(string Token, DateTime ExpiresAt)> TokenAsync(ClaimsPrincipal reader, string query)
    {
        var subject = SubjectOf(reader);
        var expires = clock.GetUtcNow().UtcDateTime + Lifetime;
        var generation = await IssuingGenerationAsync(subject);
        var payload = string.Join('\n', subject, generation.ToString(CultureInfo.InvariantCulture),
            expires.Ticks.ToString(CultureInfo.InvariantCulture), query);
        return (_protector.Protect(payload), expires);
    }

    public async Task<bool> OpensAsync(string? token, string query)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return OpensAsLegacy(token, query);
        }

        var parts = payload.Split('\n', 4);
        return parts.Length == 4
            && parts[3] == query
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().UtcDateTime.Ticks < expires
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            && generation == await GenerationAsync(parts[0]);
    }

    /// <summary>"Lav nyt kalenderlink": every link this reader has had stops working.</summary>
    public Task RenewAsync(ClaimsPrincipal reader) => EndLinksAsync(SubjectOf(reader));

    /// <summary>Every link made for <paramref name="subject"/> so far stops working (also when the provider signs the user out everywhere).</summary>
    public async Task EndLinksAsync(string subject)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var owner = await db.CalendarFeedOwners.SingleOrDefaultAsync(o => o.Subject == subject);
        if (owner is null)
        {
            db.CalendarFeedOwners.Add(owner = new CalendarFeedOwner { Subject = subject });
        }

        owner.Generation++;
        owner.RenewedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        _issuing[subject] = (owner.Generation, clock.GetTimestamp());
    }

    /// <summary>How long a reader's link generation is taken from memory when a link is made.</summary>
    public static readonly TimeSpan IssuingGenerationAge = TimeSpan.FromSeconds(1);

    // Every catalogue view makes the reader a link, so the generation it carries is read from the
    // database at most once a second per reader. A link made with one that another instance has
    // just moved on is refused like any old link (OpensAsync always reads the database), and this
    // instance's own renewals are seen at once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Generation, long ReadAt)> _issuing = new(StringComparer.Ordinal);

    private async Task<int> IssuingGenerationAsync(string subject)
    {
        if (_issuing.TryGetValue(subject, out var known) && clock.GetElapsedTime(known.ReadAt) < IssuingGenerationAge)
        {
            return known.Generation;
        }

        var generation = await GenerationAsync(subject);
        if (_issuing.Count > 10_000)
        {
            _issuing.Clear();
        }

        _issuing[subject] = (generation, clock.GetTimestamp());
        return generation;
    }

    private async Task<int> GenerationAsync(string subject)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.CalendarFeedOwners.Where(o => o.Subject == subject).Select(o => o.Generation).SingleOrDefaultAsync();
    }

    private bool OpensAsLegacy(string token, string query)
    {
        try
        {
            var persisted = (IPersistedDataProtector)_legacy;
            var bytes = persisted.DangerousUnprotect(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token),
                ignoreRevocationErrors: false, out var requiresMigration, out _);
            return !requiresMigration && System.Text.Encoding.UTF8.GetString(bytes) == query;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or InvalidCastException)
        {
            return false;
        }
    }

    private static string SubjectOf(ClaimsPrincipal reader) =>
        reader.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A calendar link needs a signed-in reader.");
}
