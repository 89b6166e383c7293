using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;
using static Helpdesk.Domain.Tests.Tickets.TicketBuilder;
using Verb = Helpdesk.Domain.Tests.Tickets.TicketLifecycleTests.Verb;

namespace Helpdesk.Domain.Tests.Tickets;

/// <summary>Level 2's hand-off to an external team as tables: forward and return from every state a ticket can be in,
/// and every lifecycle verb while an external team has the ticket. Each move either happens (one event, the expected
/// status), changes nothing, or fails with a stable code and no event.</summary>
public class TicketExternalHandOffTests
{
    public enum State
    {
        New,
        OpenAtLevel1,
        OpenAtLevel2,
        AtExternalTeam,
        PendingAtExternalTeam,
        ReturnedFromExternalTeam,
        PendingOnRequester,
        Resolved,
        Closed,
        Cancelled,
        Merged,
    }

    public enum HandOffVerb
    {
        Forward,
        ForwardAgainSame,
        ForwardElsewhere,
        Return,
    }

    private const string NoChange = "no-change";

    private static readonly ExternalTeam Production = new("production-support", "Suporte à produção");
    private static readonly ExternalTeam Development = new("development", "Desenvolvimento");

    // state, verb, outcome: a status name (moved there, one event), NoChange, or an error code.
    public static TheoryData<State, HandOffVerb, string> HandOffMoves => new()
    {
        { State.New, HandOffVerb.Forward, TicketErrors.IllegalTransition },
        { State.New, HandOffVerb.Return, TicketErrors.IllegalTransition },
        { State.OpenAtLevel1, HandOffVerb.Forward, TicketErrors.ForwardNotAtLevel2 },
        { State.OpenAtLevel1, HandOffVerb.Return, TicketErrors.ReturnNotForwarded },
        { State.OpenAtLevel2, HandOffVerb.Forward, "Open" },
        { State.OpenAtLevel2, HandOffVerb.Return, TicketErrors.ReturnNotForwarded },
        { State.AtExternalTeam, HandOffVerb.Forward, TicketErrors.ForwardAlreadyAtExternalTeam },
        { State.AtExternalTeam, HandOffVerb.ForwardAgainSame, NoChange },
        { State.AtExternalTeam, HandOffVerb.ForwardElsewhere, TicketErrors.ForwardAlreadyAtExternalTeam },
        { State.AtExternalTeam, HandOffVerb.Return, "Open" },
        { State.PendingAtExternalTeam, HandOffVerb.Forward, TicketErrors.IllegalTransition },
        { State.PendingAtExternalTeam, HandOffVerb.Return, "PendingOnRequester" },
        { State.ReturnedFromExternalTeam, HandOffVerb.Forward, "Open" },
        { State.ReturnedFromExternalTeam, HandOffVerb.ForwardAgainSame, "Open" },
        { State.ReturnedFromExternalTeam, HandOffVerb.Return, NoChange },
        { State.PendingOnRequester, HandOffVerb.Forward, TicketErrors.IllegalTransition },
        { State.PendingOnRequester, HandOffVerb.Return, TicketErrors.ReturnNotForwarded },
        { State.Resolved, HandOffVerb.Forward, TicketErrors.IllegalTransition },
        { State.Resolved, HandOffVerb.Return, TicketErrors.IllegalTransition },
        { State.Closed, HandOffVerb.Forward, TicketErrors.IllegalTransition },
        { State.Closed, HandOffVerb.Return, TicketErrors.IllegalTransition },
        { State.Cancelled, HandOffVerb.Forward, TicketErrors.IllegalTransition },
        { State.Cancelled, HandOffVerb.Return, TicketErrors.IllegalTransition },
        { State.Merged, HandOffVerb.Forward, TicketErrors.IllegalTransition },
        { State.Merged, HandOffVerb.Return, TicketErrors.IllegalTransition },
    };

    // While an external team has the ticket (open at level 2): every lifecycle verb of the main table.
    public static TheoryData<Verb, string> VerbsAtExternalTeam => new()
    {
        { Verb.Take, "Open" },
        { Verb.Escalate, "Open" },
        { Verb.SetPending, "PendingOnRequester" },
        { Verb.Resume, NoChange },
        { Verb.Resolve, TicketErrors.ResolveAtExternalTeam },
        { Verb.Reopen, NoChange },
        { Verb.Close, TicketErrors.IllegalTransition },
        { Verb.Cancel, "Cancelled" },
        { Verb.Merge, "Merged" },
        { Verb.Reply, "Open" },
        { Verb.Note, "Open" },
        { Verb.Classify, "Open" },
    };

    [Fact]
    public void The_tables_cover_every_status_every_hand_off_verb_and_every_lifecycle_verb()
    {
        var states = HandOffMoves.Select(row => row.Data.Item1).Distinct().ToList();
        Assert.Equal(Enum.GetValues<State>().Length, states.Count);
        Assert.Equal(Enum.GetValues<TicketStatus>().Order(), states.Select(s => At(s).Status).Distinct().Order());
        foreach (var state in states)
        {
            Assert.Contains(HandOffMoves, row => row.Data.Item1 == state && row.Data.Item2 == HandOffVerb.Forward);
            Assert.Contains(HandOffMoves, row => row.Data.Item1 == state && row.Data.Item2 == HandOffVerb.Return);
        }

        Assert.Equal(Enum.GetValues<Verb>().Order(), VerbsAtExternalTeam.Select(row => row.Data.Item1).Order());
    }

    [Theory]
    [MemberData(nameof(HandOffMoves))]
    public void Forward_and_return_go_where_the_table_says(State from, HandOffVerb verb, string outcome)
    {
        var ticket = At(from);
        Check(ticket, outcome, t => DoHandOff(t, verb, T0.AddHours(3)));
    }

    [Theory]
    [MemberData(nameof(VerbsAtExternalTeam))]
    public void Every_lifecycle_verb_while_an_external_team_has_the_ticket_goes_where_the_table_says(Verb verb, string outcome)
    {
        var ticket = At(State.AtExternalTeam);
        Check(ticket, outcome, t => TicketLifecycleTests.Do(t, verb, T0.AddHours(3)));

        // The hand-off lasts until the return is recorded; an ended ticket is with nobody.
        Assert.Equal(ticket.IsActive, ticket.CurrentExternalHandOff is not null);
    }

    [Fact]
    public void A_forward_records_the_team_its_record_and_what_was_asked_and_the_ticket_stays_open_at_level_2()
    {
        var t = At(State.OpenAtLevel2);

        Assert.True(t.ForwardToExternalTeam(Production, "  INC-2026-0042 ", "Erro 500 no módulo de matrícula", Agent, T0.AddHours(3)));

        Assert.Equal(TicketStatus.Open, t.Status);
        Assert.Equal(2, t.Level);
        var e = Assert.IsType<TicketForwardedToExternalTeam>(t.History[^1].Data);
        Assert.Equal(("production-support", "Suporte à produção", "INC-2026-0042", "Erro 500 no módulo de matrícula"), (e.Team, e.TeamName, e.Reference, e.Reason));
        var handOff = Assert.IsType<ExternalHandOff>(t.CurrentExternalHandOff);
        Assert.Equal(("production-support", "INC-2026-0042", T0.AddHours(3), Agent.Id), (handOff.Team, handOff.Reference, handOff.ForwardedAt, handOff.ForwardedBy));
        Assert.True(handOff.IsOpen);
    }

    [Fact]
    public void The_return_closes_the_hand_off_with_its_note_and_a_later_forward_opens_a_new_one()
    {
        var t = At(State.AtExternalTeam);

        Assert.True(t.RecordExternalReturn("  Corrigido na versão 3.2.1 ", Agent, T0.AddHours(5)));
        Assert.True(t.ForwardToExternalTeam(Development, "DEV-77", "Falta o relatório", Agent, T0.AddHours(6)));

        var returned = Assert.IsType<ExternalTeamReturned>(t.History[^2].Data);
        Assert.Equal(("production-support", "INC-1", "Corrigido na versão 3.2.1"), (returned.Team, returned.Reference, returned.Note));
        Assert.Collection(
            t.ExternalHandOffs,
            first => Assert.Equal((T0.AddHours(5), "Corrigido na versão 3.2.1"), (first.ReturnedAt!.Value, first.ReturnNote!)),
            second => Assert.Equal(("development", "DEV-77", (DateTimeOffset?)null), (second.Team, second.Reference, second.ReturnedAt)));
        Assert.Equal("development", t.CurrentExternalHandOff?.Team);
    }

    [Fact]
    public void A_return_without_a_note_is_recorded_with_none()
    {
        var t = At(State.AtExternalTeam);

        Assert.True(t.RecordExternalReturn("   ", Agent, T0.AddHours(5)));

        Assert.Null(Assert.IsType<ExternalTeamReturned>(t.History[^1].Data).Note);
        Assert.Null(t.CurrentExternalHandOff);
    }

    [Fact]
    public void Both_events_are_hash_chained_and_survive_a_reload()
    {
        var t = At(State.AtExternalTeam);
        t.RecordExternalReturn("Feito", Agent, T0.AddHours(5));

        var reloaded = Ticket.Rehydrate(t.Id, t.History);

        Assert.True(HistoryVerification.Verify(t.History, t.HeadHash).IsValid);
        Assert.Equal(["forwardedToExternalTeam", "externalTeamReturned"], t.History.TakeLast(2).Select(e => e.Data.Kind));
        Assert.Equal(t.History[^2].Hash, t.History[^1].PreviousHash);
        Assert.Equal(t.ExternalHandOffs, reloaded.ExternalHandOffs);
    }

    [Fact]
    public void Tampering_with_the_external_record_reference_breaks_the_hash_chain()
    {
        var t = At(State.AtExternalTeam);
        var history = t.History.ToList();
        var i = history.FindIndex(e => e.Data is TicketForwardedToExternalTeam);
        history[i] = history[i] with { Data = ((TicketForwardedToExternalTeam)history[i].Data) with { Reference = "INC-9" } };

        Assert.False(HistoryVerification.Verify(history, t.HeadHash).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_forward_needs_the_external_record_reference(string reference)
    {
        var t = At(State.OpenAtLevel2);

        Assert.Equal(TicketErrors.ForwardReferenceRequired, Assert.Throws<DomainException>(() => t.ForwardToExternalTeam(Production, reference, "x", Agent, T0)).Code);
    }

    [Fact]
    public void A_forward_refuses_a_reference_longer_than_the_limit_and_needs_a_reason()
    {
        var t = At(State.OpenAtLevel2);

        Assert.Equal(TicketErrors.ForwardReferenceRequired, Assert.Throws<DomainException>(() => t.ForwardToExternalTeam(Production, new string('x', Ticket.MaxReferenceLength + 1), "x", Agent, T0)).Code);
        Assert.Equal(TicketErrors.ReasonRequired, Assert.Throws<DomainException>(() => t.ForwardToExternalTeam(Production, "INC-1", " ", Agent, T0)).Code);
        Assert.Empty(t.ExternalHandOffs);
    }

    [Fact]
    public void A_return_note_longer_than_the_limit_is_refused()
    {
        var t = At(State.AtExternalTeam);

        Assert.Equal(TicketErrors.ReturnNoteTooLong, Assert.Throws<DomainException>(() => t.RecordExternalReturn(new string('x', Ticket.MaxReasonLength + 1), Agent, T0)).Code);
        Assert.NotNull(t.CurrentExternalHandOff);
    }

    [Fact]
    public void After_the_return_the_ticket_can_be_resolved()
    {
        var t = At(State.AtExternalTeam);
        t.RecordExternalReturn("Corrigido", Agent, T0.AddHours(5));

        Assert.True(t.Resolve(false, "Corrigido pela equipe de produção.", Agent, T0.AddHours(6)));
        Assert.Equal(TicketStatus.Resolved, t.Status);
    }

    private static void Check(Ticket ticket, string outcome, Action<Ticket> act)
    {
        var before = ticket.History.Count;
        var status = ticket.Status;
        if (outcome != NoChange && !Enum.TryParse<TicketStatus>(outcome, out _))
        {
            var error = Assert.ThrowsAny<DomainException>(() => act(ticket));
            Assert.Equal(outcome, error.Code);
            Assert.Equal(before, ticket.History.Count);
            Assert.Equal(status, ticket.Status);
            return;
        }

        act(ticket);
        if (outcome == NoChange)
        {
            Assert.Equal(before, ticket.History.Count);
            Assert.Equal(status, ticket.Status);
        }
        else
        {
            Assert.Equal(before + 1, ticket.History.Count);
            Assert.Equal(Enum.Parse<TicketStatus>(outcome), ticket.Status);
        }

        Assert.True(HistoryVerification.Verify(ticket.History, ticket.HeadHash).IsValid);
        var reloaded = Ticket.Rehydrate(ticket.Id, ticket.History);
        Assert.Equal((ticket.Status, ticket.CurrentExternalHandOff), (reloaded.Status, reloaded.CurrentExternalHandOff));
    }

    private static void DoHandOff(Ticket t, HandOffVerb verb, DateTimeOffset at)
    {
        switch (verb)
        {
            case HandOffVerb.Forward: t.ForwardToExternalTeam(Development, "DEV-9", "Corrigir o relatório", Agent, at); break;
            case HandOffVerb.ForwardAgainSame: t.ForwardToExternalTeam(Production, "INC-1", "De novo", Agent, at); break;
            case HandOffVerb.ForwardElsewhere: t.ForwardToExternalTeam(Production, "INC-2", "Outro registro", Agent, at); break;
            case HandOffVerb.Return: t.RecordExternalReturn("Feito", Agent, at); break;
        }
    }

    /// <summary>A ticket in <paramref name="state"/>, reached through its own verbs (never by writing state).</summary>
    private static Ticket At(State state)
    {
        switch (state)
        {
            case State.New: return InStatus(TicketStatus.New);
            case State.OpenAtLevel1: return InStatus(TicketStatus.Open);
            case State.PendingOnRequester: return InStatus(TicketStatus.PendingOnRequester);
            case State.Resolved: return InStatus(TicketStatus.Resolved);
            case State.Closed: return InStatus(TicketStatus.Closed);
            case State.Cancelled: return InStatus(TicketStatus.Cancelled);
            case State.Merged: return InStatus(TicketStatus.Merged);
        }

        var t = InStatus(TicketStatus.Open);
        t.Escalate(Systems, "Erro no sistema de matrícula", Agent, T0.AddMinutes(30));
        if (state != State.OpenAtLevel2)
        {
            t.ForwardToExternalTeam(Production, "INC-1", "Erro 500 no módulo de matrícula", Agent, T0.AddHours(1));
        }

        if (state == State.PendingAtExternalTeam)
        {
            t.SetPendingOnRequester("Aguardando o print do erro", Agent, T0.AddHours(2));
        }

        if (state == State.ReturnedFromExternalTeam)
        {
            t.RecordExternalReturn("Corrigido", Agent, T0.AddHours(2));
        }

        t.MarkCommitted();
        return t;
    }
}
