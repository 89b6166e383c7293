using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tests.Tickets;

public class HistoryHashChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Ticket NewTicket()
    {
        var request = new NewTicket("Erro no login", "Não consigo entrar.", EmailAddress.Parse("maria@ifsp.edu.br"), "Maria", Channel.Email, Now.AddMinutes(-1))
        {
            MessageId = "m1@ifsp.edu.br",
        };
        var ticket = Ticket.Register(new TicketId(Guid.Parse("0193f0a0-0000-7000-8000-000000000001")), ProtocolNumber.Create(2026, 1), request, Now);
        ticket.RecordMessageSent("ack1@helpdesk.local", "[Protocolo 20260000001] Recebemos", "texto", "acknowledgment", Actor.System, Now);
        ticket.AddRequesterMessage("m2@ifsp.edu.br", "maria@ifsp.edu.br", "Re: x", "mais dados", null, Now.AddHours(1), 0, Now.AddHours(1));
        return ticket;
    }

    [Fact]
    public void An_untouched_history_verifies()
    {
        var ticket = NewTicket();

        Assert.True(HistoryVerification.Verify(ticket.History, ticket.HeadHash).IsValid);
        Assert.Equal(EventHasher.Genesis, ticket.History[0].PreviousHash);
        Assert.Equal(4, ticket.History.Count);
    }

    [Fact]
    public void An_edited_event_is_detected_at_its_sequence()
    {
        var history = NewTicket().History.ToList();
        var original = (MessageReceived)history[1].Data;
        history[1] = history[1] with { Data = original with { Text = "texto adulterado" } };

        var result = HistoryVerification.Verify(history);

        Assert.False(result.IsValid);
        Assert.Equal(2, result.BrokenAtSequence);
    }

    [Fact]
    public void A_removed_event_in_the_middle_is_detected()
    {
        var history = NewTicket().History.ToList();
        history.RemoveAt(1);

        var result = HistoryVerification.Verify(history);

        Assert.False(result.IsValid);
        Assert.Equal(3, result.BrokenAtSequence);
    }

    [Fact]
    public void A_removed_last_event_is_detected_against_the_recorded_head()
    {
        var ticket = NewTicket();
        var history = ticket.History.ToList();
        history.RemoveAt(history.Count - 1);

        Assert.True(HistoryVerification.Verify(history).IsValid);
        Assert.False(HistoryVerification.Verify(history, ticket.HeadHash).IsValid);
    }

    [Fact]
    public void A_changed_instant_or_actor_is_detected()
    {
        var history = NewTicket().History.ToList();
        var retimed = history.ToList();
        retimed[2] = retimed[2] with { At = retimed[2].At.AddSeconds(1) };
        var reattributed = history.ToList();
        reattributed[2] = reattributed[2] with { Actor = Actor.Agent("someone") };

        Assert.False(HistoryVerification.Verify(retimed).IsValid);
        Assert.False(HistoryVerification.Verify(reattributed).IsValid);
    }

    [Fact]
    public void Rehydrating_the_history_gives_back_the_same_ticket()
    {
        var ticket = NewTicket();

        var copy = Ticket.Rehydrate(ticket.Id, ticket.History);

        Assert.Equal(ticket.Protocol, copy.Protocol);
        Assert.Equal(ticket.Subject, copy.Subject);
        Assert.Equal(ticket.Messages.Count, copy.Messages.Count);
        Assert.Equal(4, copy.CommittedVersion);
        Assert.Empty(copy.PendingEvents);
    }

    [Fact]
    public void The_same_requester_message_twice_adds_nothing()
    {
        var ticket = NewTicket();
        var before = ticket.History.Count;

        ticket.AddRequesterMessage("m2@ifsp.edu.br", "maria@ifsp.edu.br", "Re: x", "mais dados", null, Now.AddHours(2), 0, Now.AddHours(2));

        Assert.Equal(before, ticket.History.Count);
    }
}
