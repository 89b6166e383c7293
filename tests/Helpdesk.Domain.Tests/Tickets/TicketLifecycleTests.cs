using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;
using static Helpdesk.Domain.Tests.Tickets.TicketBuilder;

namespace Helpdesk.Domain.Tests.Tickets;

/// <summary>The ticket's moves as a table: from each status, each verb either moves it (to the expected status, with
/// exactly one event), changes nothing (no event), or is illegal (a domain error with a stable code, no event).</summary>
public class TicketLifecycleTests
{
    public enum Verb
    {
        Take,
        Escalate,
        SetPending,
        Resume,
        Resolve,
        Reopen,
        Close,
        Cancel,
        Merge,
        Reply,
        Note,
        Classify,
    }

    private const string Illegal = "illegal";
    private const string NoChange = "no-change";

    // from status, verb, outcome: a status name (moved there), NoChange, or Illegal.
    public static TheoryData<TicketStatus, Verb, string> Moves => new()
    {
        { TicketStatus.New, Verb.Take, "Open" },
        { TicketStatus.New, Verb.Escalate, "Open" },
        { TicketStatus.New, Verb.SetPending, Illegal },
        { TicketStatus.New, Verb.Resume, Illegal },
        { TicketStatus.New, Verb.Resolve, Illegal },
        { TicketStatus.New, Verb.Reopen, Illegal },
        { TicketStatus.New, Verb.Close, Illegal },
        { TicketStatus.New, Verb.Cancel, "Cancelled" },
        { TicketStatus.New, Verb.Merge, "Merged" },
        { TicketStatus.New, Verb.Reply, "New" },
        { TicketStatus.New, Verb.Note, "New" },
        { TicketStatus.New, Verb.Classify, "New" },

        { TicketStatus.Open, Verb.Take, NoChange },
        { TicketStatus.Open, Verb.Escalate, "Open" },
        { TicketStatus.Open, Verb.SetPending, "PendingOnRequester" },
        { TicketStatus.Open, Verb.Resume, NoChange },
        { TicketStatus.Open, Verb.Resolve, "Resolved" },
        { TicketStatus.Open, Verb.Reopen, NoChange },
        { TicketStatus.Open, Verb.Close, Illegal },
        { TicketStatus.Open, Verb.Cancel, "Cancelled" },
        { TicketStatus.Open, Verb.Merge, "Merged" },
        { TicketStatus.Open, Verb.Reply, "Open" },
        { TicketStatus.Open, Verb.Note, "Open" },
        { TicketStatus.Open, Verb.Classify, "Open" },

        { TicketStatus.PendingOnRequester, Verb.Take, NoChange },
        { TicketStatus.PendingOnRequester, Verb.Escalate, Illegal },
        { TicketStatus.PendingOnRequester, Verb.SetPending, NoChange },
        { TicketStatus.PendingOnRequester, Verb.Resume, "Open" },
        { TicketStatus.PendingOnRequester, Verb.Resolve, "Resolved" },
        { TicketStatus.PendingOnRequester, Verb.Reopen, Illegal },
        { TicketStatus.PendingOnRequester, Verb.Close, Illegal },
        { TicketStatus.PendingOnRequester, Verb.Cancel, "Cancelled" },
        { TicketStatus.PendingOnRequester, Verb.Merge, "Merged" },
        { TicketStatus.PendingOnRequester, Verb.Reply, "PendingOnRequester" },
        { TicketStatus.PendingOnRequester, Verb.Note, "PendingOnRequester" },
        { TicketStatus.PendingOnRequester, Verb.Classify, "PendingOnRequester" },

        { TicketStatus.Resolved, Verb.Take, Illegal },
        { TicketStatus.Resolved, Verb.Escalate, Illegal },
        { TicketStatus.Resolved, Verb.SetPending, Illegal },
        { TicketStatus.Resolved, Verb.Resume, Illegal },
        { TicketStatus.Resolved, Verb.Resolve, NoChange },
        { TicketStatus.Resolved, Verb.Reopen, "Open" },
        { TicketStatus.Resolved, Verb.Close, "Closed" },
        { TicketStatus.Resolved, Verb.Cancel, Illegal },
        { TicketStatus.Resolved, Verb.Merge, Illegal },
        { TicketStatus.Resolved, Verb.Reply, "Resolved" },
        { TicketStatus.Resolved, Verb.Note, "Resolved" },
        { TicketStatus.Resolved, Verb.Classify, "Resolved" },

        { TicketStatus.Closed, Verb.Take, Illegal },
        { TicketStatus.Closed, Verb.Escalate, Illegal },
        { TicketStatus.Closed, Verb.SetPending, Illegal },
        { TicketStatus.Closed, Verb.Resume, Illegal },
        { TicketStatus.Closed, Verb.Resolve, Illegal },
        { TicketStatus.Closed, Verb.Reopen, Illegal },
        { TicketStatus.Closed, Verb.Close, NoChange },
        { TicketStatus.Closed, Verb.Cancel, Illegal },
        { TicketStatus.Closed, Verb.Merge, Illegal },
        { TicketStatus.Closed, Verb.Reply, Illegal },
        { TicketStatus.Closed, Verb.Note, "Closed" },
        { TicketStatus.Closed, Verb.Classify, Illegal },

        { TicketStatus.Cancelled, Verb.Take, Illegal },
        { TicketStatus.Cancelled, Verb.Escalate, Illegal },
        { TicketStatus.Cancelled, Verb.SetPending, Illegal },
        { TicketStatus.Cancelled, Verb.Resume, Illegal },
        { TicketStatus.Cancelled, Verb.Resolve, Illegal },
        { TicketStatus.Cancelled, Verb.Reopen, Illegal },
        { TicketStatus.Cancelled, Verb.Close, Illegal },
        { TicketStatus.Cancelled, Verb.Cancel, NoChange },
        { TicketStatus.Cancelled, Verb.Merge, Illegal },
        { TicketStatus.Cancelled, Verb.Reply, Illegal },
        { TicketStatus.Cancelled, Verb.Note, "Cancelled" },
        { TicketStatus.Cancelled, Verb.Classify, Illegal },

        { TicketStatus.Merged, Verb.Take, Illegal },
        { TicketStatus.Merged, Verb.Escalate, Illegal },
        { TicketStatus.Merged, Verb.SetPending, Illegal },
        { TicketStatus.Merged, Verb.Resume, Illegal },
        { TicketStatus.Merged, Verb.Resolve, Illegal },
        { TicketStatus.Merged, Verb.Reopen, Illegal },
        { TicketStatus.Merged, Verb.Close, Illegal },
        { TicketStatus.Merged, Verb.Cancel, Illegal },
        { TicketStatus.Merged, Verb.Merge, Illegal },
        { TicketStatus.Merged, Verb.Reply, Illegal },
        { TicketStatus.Merged, Verb.Note, "Merged" },
        { TicketStatus.Merged, Verb.Classify, Illegal },
    };

    [Fact]
    public void The_table_covers_every_status_and_verb()
    {
        var covered = Moves.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();

        Assert.Equal(Enum.GetValues<TicketStatus>().Length * Enum.GetValues<Verb>().Length, covered.Count);
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_move_goes_where_the_table_says_with_one_event_or_none(TicketStatus from, Verb verb, string outcome)
    {
        var ticket = InStatus(from);
        var before = ticket.History.Count;
        var at = T0.AddHours(1);

        if (outcome == Illegal)
        {
            var error = Assert.ThrowsAny<DomainException>(() => Do(ticket, verb, at));
            Assert.Equal(TicketErrors.IllegalTransition, error.Code);
            Assert.Equal(before, ticket.History.Count);
            Assert.Equal(from, ticket.Status);
            return;
        }

        Do(ticket, verb, at);

        if (outcome == NoChange)
        {
            Assert.Equal(before, ticket.History.Count);
            Assert.Equal(from, ticket.Status);
        }
        else
        {
            Assert.Equal(before + 1, ticket.History.Count);
            Assert.Equal(Enum.Parse<TicketStatus>(outcome), ticket.Status);
            Assert.Equal(at, ticket.History[^1].At);
            Assert.Equal(Agent, ticket.History[^1].Actor);
        }

        Assert.True(HistoryVerification.Verify(ticket.History, ticket.HeadHash).IsValid);
        Assert.Equal(ticket.Status, Ticket.Rehydrate(ticket.Id, ticket.History).Status);
    }

    internal static void Do(Ticket t, Verb verb, DateTimeOffset at)
    {
        switch (verb)
        {
            case Verb.Take: t.Assign("ana.agente", null, Agent, at); break;
            case Verb.Escalate: t.Escalate(Network, "Falha no roteador do campus", Agent, at); break;
            case Verb.SetPending: t.SetPendingOnRequester("Aguardando print", Agent, at); break;
            case Verb.Resume: t.Resume("Retomado", Agent, at); break;
            case Verb.Resolve: t.Resolve(false, "Senha redefinida.", Agent, at); break;
            case Verb.Reopen: t.Reopen("Voltou a falhar", Agent, at); break;
            case Verb.Close: t.Close("Confirmado", Agent, at); break;
            case Verb.Cancel: t.Cancel("Aberto por engano", Agent, at); break;
            case Verb.Merge: t.MergeInto(New(), "Duplicado", Agent, at); break;
            case Verb.Reply: t.Reply("r1@helpdesk.local", "Re: Erro", "Tente de novo, por favor.", Agent, at); break;
            case Verb.Note: t.AddInternalNote("Verificar com a equipe de redes", Agent, at); break;
            case Verb.Classify: t.Classify("incident", "high", Agent, at); break;
        }
    }
}
