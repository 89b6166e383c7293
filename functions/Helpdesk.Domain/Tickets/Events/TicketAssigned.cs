namespace Helpdesk.Domain.Tickets.Events;

/// <summary>An agent took the ticket or was given it (<see cref="Assignee"/> null: nobody holds it any more).
/// A new ticket becomes open at its level when first assigned.</summary>
public sealed record TicketAssigned(string? Assignee, string? Group) : TicketEventData
{
    public override string Kind => "assigned";
}
