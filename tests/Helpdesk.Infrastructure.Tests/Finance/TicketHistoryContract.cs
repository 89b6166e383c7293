using System.Text;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Tickets;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>
/// The behaviour every <see cref="ITicketHistory"/> adapter must have (SQLite, Cosmos DB), and the export built on it:
/// which tickets belong to a month, and each one as it stood at the month's end. Tickets are written through the store
/// of the same adapter, as the app writes them. Timeline (São Paulo, UTC−3):
/// <code>
///   Oct 05 ─ A registered ─ Oct 06 resolved                     (concluded before November: out)
///   Oct 20 ─ B registered, never touched                        (still open: November backlog, in)
///   Nov 10 ─ C registered ─ Nov 11 resolved │ Dec 02 reopened ─ Dec 03 resolved (in; December events left out)
///                                            │ Dec 02 ─ D registered (out)
/// </code>
/// </summary>
public abstract class TicketHistoryContract
{
    private static readonly TimeSpan Brt = TimeSpan.FromHours(-3);
    private static readonly Actor Agent = Actor.Agent("ana.l1");

    protected abstract ITicketStore Store { get; }

    protected abstract ITicketHistory History { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_months_export_holds_its_backlog_and_its_tickets_as_they_stood_at_the_months_end()
    {
        var a = await RegisterAsync(At(10, 5, 9));
        await ChangeAsync(a, t => t.Assign("ana.l1", null, Agent, At(10, 5, 10)));
        await ChangeAsync(a, t => t.Resolve(true, "Feito.", Agent, At(10, 6, 9)));
        var b = await RegisterAsync(At(10, 20, 9));
        var c = await RegisterAsync(At(11, 10, 9));
        await ChangeAsync(c, t => t.Assign("ana.l1", null, Agent, At(11, 10, 10)));
        await ChangeAsync(c, t => t.Resolve(false, "Feito.", Agent, At(11, 11, 9)));
        await ChangeAsync(c, t => t.Reopen("Voltou a falhar.", Actor.Requester(EmailAddress.Parse("ana@ifrs.edu.br")), At(12, 2, 9)));
        await ChangeAsync(c, t => t.Resolve(false, "Agora sim.", Agent, At(12, 3, 9)));
        _ = await RegisterAsync(At(12, 2, 10));

        var export = new TicketExport(History, new ExportedTicketMapper(new TicketClocks(DefaultContract.Definition)));
        using var output = new MemoryStream();
        var count = await export.WriteMonthAsync(AssessmentMonth.Create(2026, 11), At(12, 10, 9), output, Ct);

        Assert.Equal(2, count);
        using var reader = new StringReader(Encoding.UTF8.GetString(output.ToArray()));
        var records = TicketJsonlReader.Read(reader, "export").ToList();
        Assert.Equal([b.Protocol.ToString(), c.Protocol.ToString()], records.Select(r => r.Protocol));
        Assert.Empty(records[0].Events);
        var november = records[1];
        Assert.Equal(ExportedChannel.Email, november.Channel);
        Assert.Equal(At(11, 10, 9), november.ReceivedAt);
        Assert.Equal(Brt, november.ReceivedAt.Offset);
        var resolved = Assert.Single(november.Events);
        Assert.Equal(ExportedEventType.Resolved, resolved.Type);
        Assert.Equal(At(11, 11, 9), resolved.At);
        Assert.False(resolved.FirstContact);
    }

    [Fact]
    public async Task The_export_carries_the_uf_the_categorys_kind_and_activity_value_and_the_resolution_target_that_applied()
    {
        var c = await RegisterAsync(At(11, 10, 9), uf: "SP");
        await ChangeAsync(c, t => t.Assign("ana.l1", null, Agent, At(11, 10, 10)));
        await ChangeAsync(c, t => t.Classify("installation", "normal", Agent, At(11, 10, 11)));
        await ChangeAsync(c, t => t.ChangeUf(Uf.Parse("rj"), "Campus do Rio.", Agent, At(11, 10, 12)));
        var d = await RegisterAsync(At(11, 12, 9));
        await ChangeAsync(d, t => t.Classify("complaint", "normal", Agent, At(11, 12, 10)));
        await ChangeAsync(d, t => t.Classify("incident", "high", Agent, At(12, 1, 10))); // after the month: not in its export
        var e = await RegisterAsync(At(11, 13, 9), uf: "DF");
        var d0 = SupportCatalogue.Default;
        var catalogue = new FixedCatalogue(new SupportCatalogue([.. d0.Categories.Select(x => x.Code == "installation" ? x with { ActivityValue = 1500m } : x)], d0.Priorities, d0.Groups));

        var export = new TicketExport(History, new ExportedTicketMapper(new TicketClocks(DefaultContract.Definition)), catalogue);
        var records = await export.ReadBackMonthAsync(AssessmentMonth.Create(2026, 11), At(12, 10, 9), Ct);

        var installation = records.Single(r => r.Protocol == c.Protocol.ToString());
        Assert.Equal(("RJ", TicketKind.Request, 1500m, "10 business days"), (installation.Uf, installation.Kind, installation.ActivityValue, installation.ResolutionTarget));
        Assert.NotNull(installation.ResolutionDueAt);
        var complaint = records.Single(r => r.Protocol == d.Protocol.ToString());
        Assert.Equal(("", TicketKind.Complaint, (decimal?)null, "5 business days"), (complaint.Uf, complaint.Kind, complaint.ActivityValue, complaint.ResolutionTarget));
        var unclassified = records.Single(r => r.Protocol == e.Protocol.ToString());
        // Unclassified: the contract's default target (seed 003 4.1 b: every deadline counts from receipt).
        Assert.Equal(("DF", TicketKind.Request, "5 business days"), (unclassified.Uf, unclassified.Kind, unclassified.ResolutionTarget));
        Assert.NotNull(unclassified.ResolutionDueAt);
    }

    [Fact]
    public async Task Exporting_a_closed_month_again_later_writes_the_same_bytes()
    {
        var c = await RegisterAsync(At(11, 10, 9));
        await ChangeAsync(c, t => t.Assign("ana.l1", null, Agent, At(11, 10, 10)));
        var export = new TicketExport(History, new ExportedTicketMapper(new TicketClocks(DefaultContract.Definition)));
        using var first = new MemoryStream();
        await export.WriteMonthAsync(AssessmentMonth.Create(2026, 11), At(12, 1, 1), first, Ct);

        await ChangeAsync(c, t => t.Resolve(true, "Feito.", Agent, At(12, 5, 9)));
        using var second = new MemoryStream();
        await export.WriteMonthAsync(AssessmentMonth.Create(2026, 11), At(12, 20, 1), second, Ct);

        Assert.NotEmpty(first.ToArray());
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public async Task Earlier_years_come_first_and_a_ticket_received_before_the_end_belongs_to_the_month_even_if_registered_after()
    {
        var old = await RegisterAsync(new DateTimeOffset(2025, 12, 20, 9, 0, 0, Brt), year: 2025);
        var late = await RegisterAsync(At(12, 1, 1), receivedAt: At(11, 30, 23));
        var c = await RegisterAsync(At(11, 10, 9));
        await ChangeAsync(c, t => t.Assign("ana.l1", null, Agent, At(11, 10, 10)));
        await ChangeAsync(c, t => t.Resolve(true, "Feito.", Agent, At(11, 11, 9)));
        var a = await RegisterAsync(At(10, 5, 9));
        await ChangeAsync(a, t => t.Assign("ana.l1", null, Agent, At(10, 5, 10)));
        await ChangeAsync(a, t => t.Resolve(true, "Feito.", Agent, At(10, 6, 9)));

        var november = await ForPeriodAsync(At(11, 1, 0), At(12, 1, 0));
        var october = await ForPeriodAsync(At(10, 1, 0), At(11, 1, 0));

        Assert.Equal([old.Protocol, late.Protocol, c.Protocol], november.Select(t => t.Protocol));
        Assert.Equal(At(11, 11, 9), november[2].UpdatedAt);
        Assert.Equal([old.Protocol, a.Protocol], october.Select(t => t.Protocol));
        Assert.Empty(await ForPeriodAsync(new DateTimeOffset(2025, 1, 1, 0, 0, 0, Brt), new DateTimeOffset(2025, 2, 1, 0, 0, 0, Brt)));
    }

    [Fact]
    public async Task Reading_the_same_period_twice_yields_the_same_tickets()
    {
        var b = await RegisterAsync(At(10, 20, 9));
        var c = await RegisterAsync(At(11, 10, 9));

        var first = await ForPeriodAsync(At(11, 1, 0), At(12, 1, 0));
        var second = await ForPeriodAsync(At(11, 1, 0), At(12, 1, 0));

        Assert.Equal([b.Id, c.Id], first.Select(t => t.Id));
        Assert.Equal(first.Select(t => (t.Id, t.History.Count)), second.Select(t => (t.Id, t.History.Count)));
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, Brt);

    private async Task<List<Ticket>> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var tickets = new List<Ticket>();
        await foreach (var ticket in History.ForPeriodAsync(from, to, Ct))
        {
            tickets.Add(ticket);
        }

        return tickets;
    }

    private async Task<Ticket> RegisterAsync(DateTimeOffset at, int year = 2026, DateTimeOffset? receivedAt = null, string? uf = null)
    {
        var id = new TicketId(Guid.NewGuid());
        await Store.CreateAsync(year, protocol => new TicketDraft(
            Ticket.Register(id, protocol, new NewTicket("Sem acesso", "O sistema mostra erro 500.", EmailAddress.Parse("ana@ifrs.edu.br"), "Ana", Channel.Email, receivedAt ?? at) { Uf = Uf.ParseOptional(uf) }, at), [], []), Ct);
        return (await Store.GetAsync(id, Ct))!;
    }

    private async Task ChangeAsync(Ticket ticket, Func<Ticket, bool> change)
    {
        var current = (await Store.GetAsync(ticket.Id, Ct))!;
        Assert.True(change(current));
        await Store.SaveAsync(current, [], [], Ct);
    }

    /// <summary>A catalogue store that answers one catalogue (the export reads it once per run).</summary>
    private sealed class FixedCatalogue(SupportCatalogue catalogue) : ICatalogueStore
    {
        public Task<StoredCatalogue> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new StoredCatalogue(catalogue, 1));

        public Task<StoredCatalogue> SaveAsync(SupportCatalogue catalogue, int expectedVersion, string changedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The export only reads the catalogue.");
    }
}
