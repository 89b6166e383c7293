namespace Helpdesk.Domain.Tickets.Events;

/// <summary>A note between agents. Never sent to the requester.</summary>
public sealed record InternalNoteAdded(string Text) : TicketEventData
{
    public override string Kind => "internalNote";
}
