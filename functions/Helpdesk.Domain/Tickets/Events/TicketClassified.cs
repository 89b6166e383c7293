namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The ticket was classified in the service catalogue (category × priority decide its targets).</summary>
public sealed record TicketClassified(string Category, string Priority) : TicketEventData
{
    public override string Kind => "classified";
}
