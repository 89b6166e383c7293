namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>The support mailbox on Microsoft Graph (app-only credentials). Settings <c>Graph__*</c>.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The mailbox's user id or principal name.</summary>
    public string? MailboxUserId { get; set; }

    /// <summary>The secret Graph echoes in every notification; compared in constant time.</summary>
    public string? ClientState { get; set; }

    /// <summary>The public HTTPS address of the webhook (<c>.../api/graph/notifications</c>).</summary>
    public Uri? NotificationUrl { get; set; }

    /// <summary>How long a new or renewed subscription lives (Outlook messages allow at most 10,080 minutes).</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromDays(6);

    /// <summary>A subscription expiring within this window is renewed by the timer.</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How far back a resynchronisation (after missed notifications) looks.</summary>
    public TimeSpan ResyncWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Graph's root (<c>Graph__BaseUrl</c>); null: <c>https://graph.microsoft.com/v1.0</c>. A national cloud's
    /// Graph, or a loopback stand-in (plain http only on loopback).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The Entra authority (<c>Graph__AuthorityHost</c>); null: <c>https://login.microsoftonline.com/</c>. Set, it is
    /// used without instance discovery; a loopback http authority is spoken to directly (client credentials).</summary>
    public Uri? AuthorityHost { get; set; }

    public string MailboxResource => $"users/{MailboxUserId}/mailFolders('inbox')/messages";
}
