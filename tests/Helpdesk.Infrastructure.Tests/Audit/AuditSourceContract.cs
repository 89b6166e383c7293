using Helpdesk.Application.Audit;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Audit;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Tests.Audit;

/// <summary>
/// The behaviour every <see cref="IAuditSource"/> adapter must have (SQLite, Cosmos DB): the raw histories of the
/// tickets registered in a range, in protocol order, exactly as stored (an altered event is reported, never hidden);
/// and the protocol ledger of a year (counter, tickets, documented voids). Tickets are written through the store of
/// the same adapter; alterations go around it, as an intruder's would. Timeline (São Paulo, UTC−3):
/// <code>
///   2025-12-31 22:00 ─ A (protocol year 2025; 2026-01-01 01:00 UTC)
///   2026-03-10 ─ B ─ assigned           2026-06-01 ─ C           2026-12-02 ─ D (out of a range ending 2026-12-01)
/// </code>
/// </summary>
public abstract class AuditSourceContract
{
    private static readonly TimeSpan Brt = TimeSpan.FromHours(-3);

    protected abstract ITicketStore Store { get; }

    protected abstract IAuditSource Source { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Replaces <paramref name="from"/> by <paramref name="to"/> in the stored data of event <paramref name="sequence"/>.</summary>
    protected abstract Task AlterEventAsync(Ticket ticket, int sequence, string from, string to);

    /// <summary>Makes the stored data of event <paramref name="sequence"/> undecodable.</summary>
    protected abstract Task CorruptEventAsync(Ticket ticket, int sequence);

    /// <summary>Reserves the next number of <paramref name="year"/> without a ticket and has the store record it as void.</summary>
    protected abstract Task AbandonNumberAsync(int year);

    [Fact]
    public async Task Histories_of_a_range_come_in_protocol_order_exactly_as_stored()
    {
        var a = await RegisterAsync(new DateTimeOffset(2025, 12, 31, 22, 0, 0, Brt), year: 2025);
        var c = await RegisterAsync(At(6, 1));
        var b = await RegisterAsync(At(3, 10));
        await ChangeAsync(b, t => t.Assign("ana.l1", null, Actor.Agent("ana.l1"), At(3, 10).AddHours(1)));
        _ = await RegisterAsync(At(12, 2));
        b = (await Store.GetAsync(b.Id, Ct))!;

        var histories = await HistoriesAsync(new DateTimeOffset(2025, 12, 31, 0, 0, 0, Brt), At(12, 1));

        Assert.Equal([a.Protocol.ToString(), c.Protocol.ToString(), b.Protocol.ToString()], histories.Select(h => h.Protocol));
        var stored = histories[2];
        Assert.Equal(b.Id, stored.Id);
        Assert.Equal(b.HeadHash, stored.HeadHash);
        Assert.Null(stored.Unreadable);
        Assert.Equal(b.History.Select(e => (e.Sequence, e.At, e.Actor, e.PreviousHash, e.Hash)), stored.Events.Select(e => (e.Sequence, e.At, e.Actor, e.PreviousHash, e.Hash)));
        Assert.Equal(b.History.Select(e => e.Data.GetType()), stored.Events.Select(e => e.Data.GetType()));
        Assert.Empty(await FailuresAsync(new DateTimeOffset(2025, 12, 31, 0, 0, 0, Brt), At(12, 1)));
        Assert.Empty(await HistoriesAsync(At(6, 2), At(12, 2)));
        Assert.Equal([a.Protocol.ToString()], (await HistoriesAsync(new DateTimeOffset(2025, 12, 31, 0, 0, 0, Brt), new DateTimeOffset(2026, 1, 1, 0, 0, 0, Brt))).Select(h => h.Protocol));
    }

    [Fact]
    public async Task An_altered_event_fails_its_chain_and_an_undecodable_one_is_reported_with_its_sequence()
    {
        var intact = await RegisterAsync(At(3, 10));
        var altered = await RegisterAsync(At(3, 11), subject: "Original");
        await ChangeAsync(altered, t => t.Assign("ana.l1", null, Actor.Agent("ana.l1"), At(3, 11).AddHours(1)));
        var corrupted = await RegisterAsync(At(3, 12));
        await ChangeAsync(corrupted, t => t.Assign("ana.l1", null, Actor.Agent("ana.l1"), At(3, 12).AddHours(1)));

        await AlterEventAsync(altered, 1, "Original", "Alterado");
        await CorruptEventAsync(corrupted, 2);
        var histories = await HistoriesAsync(At(3, 1), At(4, 1));
        var failures = await FailuresAsync(At(3, 1), At(4, 1));

        Assert.Equal([intact.Protocol.ToString(), altered.Protocol.ToString(), corrupted.Protocol.ToString()], histories.Select(h => h.Protocol));
        Assert.Equal([(altered.Protocol.ToString(), (int?)1), (corrupted.Protocol.ToString(), (int?)2)], failures.Select(f => (f.Protocol, f.AtSequence)));
        Assert.Equal((2, "the stored event cannot be read (its data was altered)"), histories[2].Unreadable);
        Assert.Equal([1], histories[2].Events.Select(e => e.Sequence)); // decoding stops before the unreadable event
        Assert.Null(histories[1].Unreadable); // readable, but its hash no longer matches
    }

    [Fact]
    public async Task The_ledger_of_a_year_holds_its_counter_its_tickets_and_its_documented_voids()
    {
        var year = 2031;
        var first = await RegisterAsync(new DateTimeOffset(year, 2, 1, 9, 0, 0, Brt), year);
        var second = await RegisterAsync(new DateTimeOffset(year, 2, 2, 9, 0, 0, Brt), year);
        await AbandonNumberAsync(year);
        var fourth = await RegisterAsync(new DateTimeOffset(year, 2, 3, 9, 0, 0, Brt), year);

        var ledger = await Source.ProtocolLedgerAsync(year, Ct);

        Assert.Equal(year, ledger.Year);
        Assert.Equal(4, ledger.LastCounter);
        Assert.Equal([first.Protocol.Counter, second.Protocol.Counter, fourth.Protocol.Counter], ledger.TicketCounters.Order());
        var voided = Assert.Single(ledger.Voids);
        Assert.Equal(ProtocolNumber.Create(year, 3).ToString(), voided.Protocol);
        Assert.False(string.IsNullOrWhiteSpace(voided.Reason));
        var continuity = await new AuditService(Source).ContinuityAsync(year, null, null, Ct);
        Assert.True(continuity.IsContinuous);
        Assert.Equal((3, 1), (continuity.Tickets, continuity.Voids));

        var empty = await Source.ProtocolLedgerAsync(year + 1, Ct);
        Assert.Equal((0, 0, 0), (empty.LastCounter, empty.TicketCounters.Count, empty.Voids.Count));
    }

    [Fact]
    public async Task A_long_message_reads_back_whole_and_verifies()
    {
        var body = string.Concat(Enumerable.Repeat("Linha de log do erro 500 no portal. ", 1500)); // ~54,000 characters
        var ticket = await RegisterAsync(At(5, 4), description: body);

        var history = Assert.Single(await HistoriesAsync(At(5, 1), At(6, 1)));

        Assert.Null(history.Unreadable);
        Assert.Equal(ticket.History.Select(e => e.Hash), history.Events.Select(e => e.Hash));
        Assert.Empty(await FailuresAsync(At(5, 1), At(6, 1)));
    }

    protected static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, Brt);

    protected async Task<List<StoredHistory>> HistoriesAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var histories = new List<StoredHistory>();
        await foreach (var history in Source.HistoriesAsync(from, to, Ct))
        {
            histories.Add(history);
        }

        return histories;
    }

    protected async Task<Ticket> RegisterAsync(DateTimeOffset at, int year = 2026, string subject = "Sem acesso", string description = "O sistema mostra erro 500.")
    {
        var id = new TicketId(Guid.NewGuid());
        await Store.CreateAsync(year, protocol => new TicketDraft(
            Ticket.Register(id, protocol, new NewTicket(subject, description, EmailAddress.Parse("ana@ifrs.edu.br"), "Ana", Channel.Email, at), at), [], []), Ct);
        return (await Store.GetAsync(id, Ct))!;
    }

    protected async Task ChangeAsync(Ticket ticket, Func<Ticket, bool> change)
    {
        var current = (await Store.GetAsync(ticket.Id, Ct))!;
        Assert.True(change(current));
        await Store.SaveAsync(current, [], [], Ct);
    }

    private async Task<List<ChainFailure>> FailuresAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var failures = new List<ChainFailure>();
        await foreach (var failure in new AuditService(Source).ChainFailuresAsync(from, to, new ChainTally(), Ct))
        {
            failures.Add(failure);
        }

        return failures;
    }
}
