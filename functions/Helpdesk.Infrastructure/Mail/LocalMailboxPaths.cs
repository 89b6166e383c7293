namespace Helpdesk.Infrastructure.Mail;

/// <summary>The embedded mailbox's folders under the data directory.</summary>
public sealed class LocalMailboxPaths(string dataDirectory)
{
    public string Root { get; } = Path.Combine(dataDirectory, "mailbox");

    /// <summary>Drop <c>.eml</c> files here to have them received.</summary>
    public string Inbox => Path.Combine(Root, "inbox");

    /// <summary>Received files are moved here.</summary>
    public string Processed => Path.Combine(Root, "processed");

    /// <summary>Files that are not messages are moved here, with a <c>.reason.txt</c> beside them.</summary>
    public string Rejected => Path.Combine(Root, "rejected");

    /// <summary>E-mails the service desk sent.</summary>
    public string Sent => Path.Combine(Root, "sent");
}
