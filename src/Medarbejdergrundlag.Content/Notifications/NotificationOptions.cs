namespace Medarbejdergrundlag.Content.Notifications;

/// <summary>How a material change reaches people: <c>Notifications:Email:*</c> and <c>Notifications:Webhook:Url</c>. Nothing set, nothing sent.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public EmailNotificationOptions Email { get; set; } = new();

    public WebhookNotificationOptions Webhook { get; set; } = new();

    /// <summary>How often each instance asks the outbox for work (a publish on this instance wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failed attempt; it doubles after each further failure, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmtpTls
{
    None,
    StartTls,
    Tls,
}

public sealed class EmailNotificationOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? From { get; set; }

    /// <summary>The distribution list (e.g. all employees). Configuration, not a reader's address.</summary>
    public string? To { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public SmtpTls Tls { get; set; } = SmtpTls.StartTls;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From) && !string.IsNullOrWhiteSpace(To);
}

public sealed class WebhookNotificationOptions
{
    /// <summary>A Teams or Power Automate workflow's address, which gets a JSON post.</summary>
    public string? Url { get; set; }

    public bool IsConfigured => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
