using Helpdesk.Application.Sla;
using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using AssessmentEvent = Helpdesk.Domain.Assessment.TicketEvent;
using HistoryEvent = Helpdesk.Domain.Tickets.History.TicketEvent;

namespace Helpdesk.Application.Finance;

/// <summary>
/// A stored ticket as one line of the ticket-history export (docs/ticket-export.md), <b>as of</b> an instant: events at
/// or after it are left out and the ticket's state is rebuilt from the events before it, so that a closed month's export
/// (and its assessment) never changes when the ticket moves on later. Instants are written in the contract's zone (its clock). The
/// resolution deadline and its target are the SLA engine's (contract catalogue × business calendar × suspensions) at that
/// instant; the kind and the activity value are the service catalogue's for the ticket's category.
/// </summary>
public sealed class TicketRecordMapper(TicketClocks clocks)
{
    /// <summary>The contract's civil clock: the zone the record's instants are written in, and the month boundaries.</summary>
    public ContractClock Clock => clocks.Clock;

    /// <summary>The record, or null when the ticket did not exist yet at <paramref name="asOf"/>.</summary>
    /// <param name="ticket">The stored ticket.</param>
    /// <param name="asOf">The instant the record describes.</param>
    /// <param name="catalogue">The service catalogue that gives the category's kind and activity value (null: the
    /// built-in one).</param>
    public TicketRecord? Map(Ticket ticket, DateTimeOffset asOf, SupportCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var history = ticket.History.Where(e => e.At < asOf).ToList();
        if (history.Count == 0 || history[0].Data is not TicketRegistered)
        {
            return null;
        }

        var state = history.Count == ticket.History.Count ? ticket : Ticket.Rehydrate(ticket.Id, history);
        var reading = clocks.Read(state, asOf);
        var due = reading?.Resolution.DueAt;
        var category = (catalogue ?? SupportCatalogue.Default).FindCategory(state.Category);
        return new TicketRecord
        {
            Protocol = state.Protocol.ToString(),
            Channel = ChannelOf(state.Channel),
            Kind = category?.Kind ?? TicketKind.Request,
            Uf = state.Uf?.Code ?? "",
            ResolutionTarget = reading?.ResolutionTarget.Due.ToString(),
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

    internal static TicketChannel ChannelOf(Channel channel) => channel switch
    {
        Channel.Email => TicketChannel.Email,
        Channel.WebForm => TicketChannel.WebForm,
        Channel.Api => TicketChannel.Api,
        Channel.Phone => TicketChannel.Phone,
        Channel.Chat => TicketChannel.Chat,
        Channel.InPerson => TicketChannel.InPerson,
        Channel.Letter => TicketChannel.Letter,
        _ => TicketChannel.Other,
    };

    private List<AssessmentEvent> Events(List<HistoryEvent> history)
    {
        var events = new List<AssessmentEvent>();
        foreach (var e in history)
        {
            var at = clocks.Clock.ToLocal(e.At);
            AssessmentEvent? exported = e.Data switch
            {
                MessageSent { Purpose: MessagePurposes.Reply } => new AssessmentEvent { Type = TicketEventType.AgentReply, At = at },
                TicketEscalated x => new AssessmentEvent { Type = TicketEventType.Escalated, At = at, ToLevel = x.ToLevel, Group = x.Group },
                TicketPendingOnRequester => new AssessmentEvent { Type = TicketEventType.Pending, At = at },
                TicketResumed => new AssessmentEvent { Type = TicketEventType.Resumed, At = at },
                TicketResolved x => new AssessmentEvent { Type = TicketEventType.Resolved, At = at, FirstContact = x.ResolvedAtFirstContact },
                TicketReopened => new AssessmentEvent { Type = TicketEventType.Reopened, At = at },
                TicketClosed => new AssessmentEvent { Type = TicketEventType.Closed, At = at },

                // A duplicate merged into another ticket takes no more work: it leaves the populations like a cancellation.
                TicketCancelled or TicketMerged => new AssessmentEvent { Type = TicketEventType.Cancelled, At = at },
                SatisfactionRated x => new AssessmentEvent { Type = TicketEventType.Rated, At = at, Score = x.Score },
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
