using System.Net.Http.Headers;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Notifications;

/// <summary>
/// Sends what the outbox holds, each row once however many instances ask, as the scheduler runs its
/// schedules (<see cref="ScheduleRunner"/>): claim a due row with
/// <c>UPDATE NotificationOutbox SET NextAttemptAt = now + lease, Attempts = Attempts + 1 WHERE Id = @id
/// AND SentAt IS NULL AND NextAttemptAt &lt;= now</c>. One row: this instance has it for the lease; a second
/// instance's update waits on the row lock (PostgreSQL, SQL Server) or the write lock (SQLite) and then
/// matches nothing. Then send, and mark it sent, or move it a back-off ahead with the error. A crash after
/// the claim leaves the row to be tried again when the lease has run out, so nothing is lost on restart.
/// Each attempt and its outcome is written to the audit log, with no address but "the distribution list".
/// </summary>
public sealed class NotificationDispatcher(
    IServiceScopeFactory scopes, IOptionsMonitor<NotificationOptions> options, IConfiguration configuration,
    IHttpClientFactory httpClients, TimeProvider clock, ILogger<NotificationDispatcher> logger)
{
    public const string HttpClientName = "notifications";

    /// <summary>How long a claim holds: longer than a send may take (the SMTP and HTTP timeouts are a minute).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private const int Batch = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Sends every due notification this instance can claim. Returns how many it attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var now = Now;
            due = await db.NotificationOutbox.AsNoTracking()
                .Where(n => n.SentAt == null && n.NextAttemptAt <= now)
                .OrderBy(n => n.Id)
                .Select(n => n.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        var attempted = 0;
        foreach (var id in due)
        {
            if (await DeliverOneAsync(id, cancellationToken))
            {
                attempted++;
            }
        }

        return attempted;
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: the retry delay, doubled each time, at most an hour.</summary>
    public static TimeSpan Backoff(TimeSpan retryDelay, int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var wait = retryDelay * factor;
        return wait > LongestWait ? LongestWait : wait;
    }

    private async Task<bool> DeliverOneAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var now = Now;
        var claimed = await db.NotificationOutbox
            .Where(n => n.Id == id && n.SentAt == null && n.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.NextAttemptAt, now + Lease)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            // Another instance has it, or sent it meanwhile.
            return false;
        }

        var entry = await db.NotificationOutbox.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
        var current = options.CurrentValue;
        var where = entry.Channel == NotificationChannel.Email ? "E-mail til fordelingslisten" : "Besked til webhooken";
        var channel = entry.Channel == NotificationChannel.Email ? "email" : "webhook";
        try
        {
            await SendAsync(entry, current, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var wait = Backoff(current.RetryDelay, entry.Attempts);
            var next = Now + wait;
            var error = Shorten($"{ex.GetType().Name}: {ex.Message}", 500);
            await db.NotificationOutbox.Where(n => n.Id == id && n.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.NextAttemptAt, next).SetProperty(n => n.LastError, error), CancellationToken.None);
            Audit(db, AuditAction.NotificationFailed, entry,
                $"{where} om version {entry.RevisionNumber} kunne ikke sendes (forsøg {entry.Attempts}): {error} Prøver igen {ScheduleText.When(next)}.");
            await db.SaveChangesAsync(CancellationToken.None);
            PortalMetrics.Notification(channel, sent: false);
            logger.LogWarning("Notification {NotificationId} ({Channel}, attempt {Attempt}) failed: {Error}; trying again in {Seconds:F0} s",
                id, channel, entry.Attempts, error, wait.TotalSeconds);
            return true;
        }

        var sentAt = Now;
        await db.NotificationOutbox.Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, sentAt).SetProperty(n => n.LastError, (string?)null), CancellationToken.None);
        Audit(db, AuditAction.NotificationSent, entry, $"{where} om version {entry.RevisionNumber} er sendt (forsøg {entry.Attempts}).");
        await db.SaveChangesAsync(CancellationToken.None);
        PortalMetrics.Notification(channel, sent: true);
        logger.LogInformation("Sent notification {NotificationId} ({Channel}, attempt {Attempt})", id, channel, entry.Attempts);
        return true;
    }

    private async Task SendAsync(NotificationOutboxEntry entry, NotificationOptions current, CancellationToken cancellationToken)
    {
        var publicBaseUrl = configuration["Portal:PublicBaseUrl"];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SendTimeout);
        if (entry.Channel == NotificationChannel.Email)
        {
            var email = current.Email;
            if (!email.IsConfigured)
            {
                throw new InvalidOperationException("Notifications:Email er ikke længere sat op.");
            }

            using var smtp = new SmtpClient { Timeout = (int)SendTimeout.TotalMilliseconds };
            var security = email.Tls switch
            {
                SmtpTls.None => SecureSocketOptions.None,
                SmtpTls.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await smtp.ConnectAsync(email.Host!, email.Port, security, timeout.Token);
            if (!string.IsNullOrEmpty(email.User))
            {
                await smtp.AuthenticateAsync(email.User, email.Password ?? "", timeout.Token);
            }

            await smtp.SendAsync(NotificationMessages.Email(entry, email, publicBaseUrl), timeout.Token);
            await smtp.DisconnectAsync(quit: true, timeout.Token);
            return;
        }

        var url = current.Webhook.Url;
        if (!current.Webhook.IsConfigured)
        {
            throw new InvalidOperationException("Notifications:Webhook:Url er ikke længere sat op.");
        }

        using var content = new StringContent(NotificationMessages.WebhookJson(entry, publicBaseUrl), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await httpClients.CreateClient(HttpClientName).PostAsync(url, content, timeout.Token);
        response.EnsureSuccessStatusCode();
    }

    private void Audit(ContentDbContext db, AuditAction action, NotificationOutboxEntry entry, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = Now,
            User = CourseExpiry.Automatic.Name,
            UserId = CourseExpiry.Automatic.Id,
            Action = action,
            ContentItemId = entry.ContentItemId > 0 ? entry.ContentItemId : null,
            ItemTitle = Shorten(entry.Title, 200),
            Details = Shorten(details, 2000),
        });

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
