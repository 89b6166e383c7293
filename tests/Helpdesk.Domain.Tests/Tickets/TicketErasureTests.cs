using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tests.Tickets;

/// <summary>Erasure keeps the hash chain verifiable (docs/decisions/ADR-023): rewritten entries are sealed by the erasure
/// entry, state and hashes do not change, and tampering before or after an erasure is still caught.</summary>
public sealed class TicketErasureTests
{
    private static readonly Actor Officer = Actor.Agent("dpo.ana");

    private static readonly PersonalDataRewrite Placeholder = new(
        _ => "[removido]",
        text => text.Replace("maria", "[titular]", StringComparison.OrdinalIgnoreCase),
        _ => "titular-1@anonimizado.invalid",
        _ => null);

    private static Ticket Stored()
    {
        var t = TicketBuilder.New();
        t.Assign("ana.agente", null, TicketBuilder.Agent, TicketBuilder.T0.AddMinutes(5));
        t.Reply("r1@helpdesk.local", "Re: Erro no login", "Olá Maria, tente de novo.", TicketBuilder.Agent, TicketBuilder.T0.AddMinutes(6));
        t.Resolve(true, "Senha redefinida para maria", TicketBuilder.Agent, TicketBuilder.T0.AddMinutes(7));
        t.Rate(9, "Obrigada, Maria", TicketBuilder.T0.AddMinutes(8));
        return Ticket.Rehydrate(t.Id, t.History);
    }

    [Fact]
    public void The_erased_history_verifies_and_keeps_every_hash_and_the_state()
    {
        var before = Stored();

        var erasure = Ticket.Erase(before, Placeholder, PersonalDataErased.DataSubjectRequest, "Pedido da titular Maria", Officer, TicketBuilder.T0.AddDays(1));

        Assert.NotNull(erasure);
        var after = erasure.Ticket;
        Assert.True(HistoryVerification.Verify(after.History, after.HeadHash).IsValid);
        Assert.Equal(before.History.Select(e => e.Hash), after.History.Take(before.History.Count).Select(e => e.Hash));
        Assert.Equal((before.Status, before.ResolvedAt, before.ResolvedAtFirstContact, before.FirstResponseAt, before.Rating!.Score), (after.Status, after.ResolvedAt, after.ResolvedAtFirstContact, after.FirstResponseAt, after.Rating!.Score));
        Assert.Equal("titular-1@anonimizado.invalid", after.RequesterEmail.Value);
        Assert.All(after.Messages.Where(m => m.Direction == MessageDirection.Inbound), m => Assert.Equal("[removido]", m.Text));
        Assert.Equal("Senha redefinida para [titular]", after.Resolution);
        var sealEvent = Assert.IsType<PersonalDataErased>(after.History[^1].Data);
        Assert.Equal("Pedido da titular [titular]", sealEvent.Reason);
        Assert.Equal(Officer, after.History[^1].Actor);
        Assert.Equal(erasure.Rewritten.Select(e => e.Sequence), sealEvent.Entries.Select(e => e.Sequence));
        Assert.Single(after.PendingEvents);
    }

    [Fact]
    public void Erasing_again_changes_nothing()
    {
        var erased = Ticket.Erase(Stored(), Placeholder, PersonalDataErased.Retention, "x", Officer, TicketBuilder.T0.AddDays(1))!.Ticket;
        var stored = Ticket.Rehydrate(erased.Id, erased.History);

        Assert.Null(Ticket.Erase(stored, Placeholder, PersonalDataErased.Retention, "x", Officer, TicketBuilder.T0.AddDays(2)));
    }

    [Fact]
    public void A_sealed_entry_edited_after_the_erasure_breaks_the_chain()
    {
        var erased = Ticket.Erase(Stored(), Placeholder, PersonalDataErased.DataSubjectRequest, "x", Officer, TicketBuilder.T0.AddDays(1))!.Ticket;
        var history = erased.History.ToList();
        var i = history.FindIndex(e => e.Data is MessageReceived);
        history[i] = history[i] with { Data = ((MessageReceived)history[i].Data) with { Text = "texto trocado" } };

        var result = HistoryVerification.Verify(history, erased.HeadHash);

        Assert.False(result.IsValid);
        Assert.Equal(history[i].Sequence, result.BrokenAtSequence);
    }

    [Fact]
    public void Entries_after_the_erasure_are_checked_by_their_own_hash()
    {
        var erased = Ticket.Erase(Stored(), Placeholder, PersonalDataErased.DataSubjectRequest, "x", Officer, TicketBuilder.T0.AddDays(1))!.Ticket;
        erased.MarkCommitted();
        erased.Close("Encerrado", TicketBuilder.Agent, TicketBuilder.T0.AddDays(2));
        var history = erased.History.ToList();
        history[^1] = history[^1] with { Data = new TicketClosed("outro motivo") };

        Assert.False(HistoryVerification.Verify(history, erased.HeadHash).IsValid);
        Assert.True(HistoryVerification.Verify(erased.History, erased.HeadHash).IsValid);
    }

    [Fact]
    public void A_history_that_does_not_verify_is_not_erased()
    {
        var stored = Stored();
        var history = stored.History.ToList();
        history[1] = history[1] with { Data = ((MessageReceived)history[1].Data) with { Text = "editado" } };
        var tampered = Ticket.Rehydrate(stored.Id, history);

        var error = Assert.Throws<DomainException>(() => Ticket.Erase(tampered, Placeholder, PersonalDataErased.DataSubjectRequest, "x", Officer, TicketBuilder.T0.AddDays(1)));
        Assert.Equal("ticket.history.broken", error.Code);
    }
}
