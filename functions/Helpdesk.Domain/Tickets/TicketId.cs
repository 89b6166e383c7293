namespace Helpdesk.Domain.Tickets;

/// <summary>The internal, immutable identity of a ticket (the protocol is its public number).</summary>
public readonly record struct TicketId(Guid Value)
{
    public override string ToString() => Value.ToString("N");

    public static TicketId Parse(string text) => new(Guid.ParseExact(text, "N"));
}
