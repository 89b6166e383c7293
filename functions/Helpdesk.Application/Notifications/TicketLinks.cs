namespace Helpdesk.Application.Notifications;

/// <summary>Links to an agent's ticket page (the web front end's <c>/api/app/tickets/{protocol}</c>) for cards and messages.</summary>
public static class TicketLinks
{
    public const string PagePath = "/api/app/tickets/";

    public static Uri Page(string publicBaseUrl, string protocol)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return new Uri(publicBaseUrl.TrimEnd('/') + PagePath + Uri.EscapeDataString(protocol));
    }
}
