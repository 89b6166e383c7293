namespace Helpdesk.Domain.Tickets.Events;

/// <summary>This ticket duplicated <see cref="IntoProtocol"/> and was merged into it; it takes no more work.</summary>
public sealed record TicketMerged(string IntoProtocol, string Reason) : TicketEventData
{
    public override string Kind => "merged";
}
