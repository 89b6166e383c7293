namespace Helpdesk.Application.Notifications;

/// <summary>The agents' Teams tab, for links from cards into it (issue 22): the Teams app's id (the manifest's
/// <c>id</c>, setting <c>Teams__AppId</c>) and the static tab that opens tickets.</summary>
public sealed class TeamsTabOptions
{
    /// <summary>The static tab of teams/manifest.json whose page opens the ticket named by the link's sub-entity.</summary>
    public const string TicketsTab = "fila";

    public string? AppId { get; set; }

    /// <summary>A Teams deep link that opens the tab on ticket <paramref name="protocol"/>: the tab page reads the
    /// protocol as its sub-page id (<c>context.page.subPageId</c>). Null when no Teams app id is set.</summary>
    public Uri? TicketLink(string protocol)
    {
        if (string.IsNullOrWhiteSpace(AppId))
        {
            return null;
        }

        var context = Uri.EscapeDataString("{\"subEntityId\":\"" + protocol + "\"}");
        return new Uri($"https://teams.microsoft.com/l/entity/{Uri.EscapeDataString(AppId.Trim())}/{TicketsTab}?context={context}");
    }
}
