using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets.History;

/// <summary>One entry of a ticket's append-only history. <see cref="Hash"/> covers every other field and the
/// previous entry's hash, so that an edited, reordered or removed entry is evident.</summary>
public sealed record TicketEvent(
    int Sequence,
    DateTimeOffset At,
    Actor Actor,
    TicketEventData Data,
    string PreviousHash,
    string Hash);
