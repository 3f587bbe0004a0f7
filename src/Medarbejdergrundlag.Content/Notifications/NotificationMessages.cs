using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using MimeKit;

namespace Medarbejdergrundlag.Content.Notifications;

/// <summary>What a notification says: the item's title and change note, the link to the change list, in Danish and, where a translation is published, English.</summary>
public static class NotificationMessages
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The change list's address: absolute under <c>Portal:PublicBaseUrl</c> when it is set, else the path.</summary>
    public static string ChangesLink(string? publicBaseUrl, bool english) =>
        (publicBaseUrl?.TrimEnd('/') ?? "") + PortalPaths.InLanguage(english ? PortalCulture.EnglishCode : PortalCulture.DanishCode, "/aendringer");

    public static string Subject(NotificationOutboxEntry entry) => $"Medarbejdergrundlaget er ændret: {entry.Title}";

    public static string DanishText(NotificationOutboxEntry entry, string? publicBaseUrl)
    {
        var text = new StringBuilder();
        text.Append($"»{entry.Title}« er ændret væsentligt (version {entry.RevisionNumber}, udgivet {entry.PublishedAt.ToCopenhagen().ToString("d. MMMM yyyy 'kl.' HH:mm", PortalCulture.Danish)}).");
        if (!string.IsNullOrWhiteSpace(entry.ChangeNote))
        {
            text.Append($"\n\nÆndringen: {entry.ChangeNote}");
        }

        text.Append($"\n\nSe hvad der er ændret, og bekræft at du har læst det: {ChangesLink(publicBaseUrl, english: false)}");
        return text.ToString();
    }

    public static string? EnglishText(NotificationOutboxEntry entry, string? publicBaseUrl)
    {
        if (entry.EnglishTitle is null)
        {
            return null;
        }

        var text = new StringBuilder($"“{entry.EnglishTitle}” has changed materially.");
        if (!string.IsNullOrWhiteSpace(entry.EnglishChangeNote))
        {
            text.Append($"\n\nThe change: {entry.EnglishChangeNote}");
        }

        text.Append($"\n\nSee what changed: {ChangesLink(publicBaseUrl, english: true)}");
        return text.ToString();
    }

    public static MimeMessage Email(NotificationOutboxEntry entry, EmailNotificationOptions options, string? publicBaseUrl)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From!));
        message.To.AddRange(InternetAddressList.Parse(options.To!));
        message.Subject = Subject(entry);
        var body = DanishText(entry, publicBaseUrl);
        if (EnglishText(entry, publicBaseUrl) is { } english)
        {
            body += "\n\n-- English --\n\n" + english;
        }

        message.Body = new TextPart("plain") { Text = body + "\n" };
        return message;
    }

    /// <summary>The webhook's JSON: one item per notification, with the texts a Teams or Power Automate flow can post as they are.</summary>
    public static string WebhookJson(NotificationOutboxEntry entry, string? publicBaseUrl) => JsonSerializer.Serialize(new
    {
        @event = "material-change",
        title = Subject(entry),
        text = DanishText(entry, publicBaseUrl),
        link = ChangesLink(publicBaseUrl, english: false),
        publishedAt = entry.PublishedAt,
        items = new[]
        {
            new
            {
                title = entry.Title,
                changeNote = entry.ChangeNote,
                version = entry.RevisionNumber,
                english = entry.EnglishTitle is null ? null : new
                {
                    title = entry.EnglishTitle,
                    changeNote = entry.EnglishChangeNote,
                    text = EnglishText(entry, publicBaseUrl),
                    link = ChangesLink(publicBaseUrl, english: true),
                },
            },
        },
    }, Json);
}
