namespace Helpdesk.Domain.Tickets.Events;

/// <summary>Level 2 forwarded the ticket to an external team (production support, development, ...), with that team's
/// own record reference and what was asked of it. The ticket stays open at level 2; whether its SLA clock keeps running
/// is the contract's <c>clockSettings.externalHandOffSuspendsClock</c> (default: it keeps running).</summary>
public sealed record TicketForwardedToExternalTeam(string Team, string TeamName, string Reference, string Reason) : TicketEventData
{
    public override string Kind => "forwardedToExternalTeam";
}
