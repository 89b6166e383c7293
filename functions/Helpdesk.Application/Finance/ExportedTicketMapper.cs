using Helpdesk.Application.Sla;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using HistoryEvent = Helpdesk.Domain.Tickets.History.TicketEvent;

namespace Helpdesk.Application.Finance;

/// <summary>
/// A stored ticket as one line of the ticket-history export (docs/ticket-export.md), <b>as of</b> an instant: events at
/// or after it are left out and the ticket's state is rebuilt from the events before it, so that a closed month's export
/// (and its assessment) never changes when the ticket moves on later. Instants are written in the contract's zone (its clock). The
/// resolution deadline and its target are the SLA engine's (contract catalogue × business calendar × suspensions) at that
/// instant; the kind and the activity value are the service catalogue's for the ticket's category.
/// </summary>
public sealed class ExportedTicketMapper(TicketClocks clocks)
{
    /// <summary>The contract's civil clock: the zone the record's instants are written in, and the month boundaries.</summary>
    public ContractClock Clock => clocks.Clock;

    /// <summary>The record, or null when the ticket did not exist yet at <paramref name="asOf"/>.</summary>
    /// <param name="ticket">The stored ticket.</param>
    /// <param name="asOf">The instant the record describes.</param>
    /// <param name="catalogue">The service catalogue that gives the category's kind and activity value (null: the
    /// built-in one).</param>
    public ExportedTicket? Map(Ticket ticket, DateTimeOffset asOf, SupportCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var history = ticket.History.Where(e => e.At < asOf).ToList();
        if (history.Count == 0 || history[0].Data is not TicketRegistered)
        {
            return null;
        }

        var state = history.Count == ticket.History.Count ? ticket : Ticket.Rehydrate(ticket.Id, history);
        var reading = clocks.Read(state, asOf);
        var due = reading.Resolution.DueAt;
        var category = (catalogue ?? SupportCatalogue.Default).FindCategory(state.Category);
        return new ExportedTicket
        {
            Protocol = state.Protocol.ToString(),
            Channel = ChannelOf(state.Channel),
            Kind = category?.Kind ?? TicketKind.Request,
            Uf = state.Uf?.Code ?? "",
            ResolutionTarget = reading.ResolutionTarget.Due.ToString(),
            ActivityValue = category?.ActivityValue,
            ReceivedAt = clocks.Clock.ToLocal(state.ReceivedAt),
            RegisteredAt = clocks.Clock.ToLocal(state.RegisteredAt < state.ReceivedAt ? state.ReceivedAt : state.RegisteredAt),
            Category = state.Category ?? "",
            Priority = state.Priority ?? "",
            Group = state.Group ?? "",
            Level = state.Level,
            Institution = state.Institution ?? "",
            ResolutionDueAt = due is { } d ? clocks.Clock.ToLocal(d) : null,
            Events = Events(history),
        };
    }

    internal static ExportedChannel ChannelOf(Channel channel) => channel switch
    {
        Channel.Email => ExportedChannel.Email,
        Channel.WebForm => ExportedChannel.WebForm,
        Channel.Api => ExportedChannel.Api,
        Channel.Phone => ExportedChannel.Phone,
        Channel.Chat => ExportedChannel.Chat,
        Channel.InPerson => ExportedChannel.InPerson,
        Channel.Letter => ExportedChannel.Letter,
        _ => ExportedChannel.Other,
    };

    private List<ExportedEvent> Events(List<HistoryEvent> history)
    {
        var events = new List<ExportedEvent>();
        foreach (var e in history)
        {
            var at = clocks.Clock.ToLocal(e.At);
            ExportedEvent? exported = e.Data switch
            {
                MessageSent { Purpose: MessagePurposes.Reply } => new ExportedEvent { Type = ExportedEventType.AgentReply, At = at },
                TicketEscalated x => new ExportedEvent { Type = ExportedEventType.Escalated, At = at, ToLevel = x.ToLevel, Group = x.Group },
                TicketPendingOnRequester => new ExportedEvent { Type = ExportedEventType.Pending, At = at },
                TicketResumed => new ExportedEvent { Type = ExportedEventType.Resumed, At = at },
                TicketResolved x => new ExportedEvent { Type = ExportedEventType.Resolved, At = at, FirstContact = x.ResolvedAtFirstContact },
                TicketReopened => new ExportedEvent { Type = ExportedEventType.Reopened, At = at },
                TicketClosed => new ExportedEvent { Type = ExportedEventType.Closed, At = at },

                // A duplicate merged into another ticket takes no more work: it leaves the populations like a cancellation.
                TicketCancelled or TicketMerged => new ExportedEvent { Type = ExportedEventType.Cancelled, At = at },
                SatisfactionRated x => new ExportedEvent { Type = ExportedEventType.Rated, At = at, Score = x.Score },
                _ => null,
            };
            if (exported is not null)
            {
                events.Add(exported);
            }
        }

        return events;
    }
}
