namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The external team gave the ticket back (its work done or refused), with an optional note of what it did.</summary>
public sealed record ExternalTeamReturned(string Team, string Reference, string? Note) : TicketEventData
{
    public override string Kind => "externalTeamReturned";
}
