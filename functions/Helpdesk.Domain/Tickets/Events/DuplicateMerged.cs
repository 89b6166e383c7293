namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The ticket <see cref="DuplicateProtocol"/> was merged into this one.</summary>
public sealed record DuplicateMerged(string DuplicateProtocol) : TicketEventData
{
    public override string Kind => "duplicateMerged";
}
