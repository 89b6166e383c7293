namespace Helpdesk.Application.Tickets;

/// <summary>No ticket has the protocol (HTTP 404).</summary>
public sealed class TicketNotFoundException(string protocol) : Exception($"No ticket has protocol {protocol}.")
{
    public string Protocol { get; } = protocol;
}
