using System.Text;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>
/// The finance read side on SQLite and the export built on it: which tickets belong to a month, and each one as it stood
/// at the month's end. Timeline (São Paulo, UTC−3):
/// <code>
///   Oct 05 ─ A registered ─ Oct 06 resolved                     (concluded before November: out)
///   Oct 20 ─ B registered, never touched                        (still open: November backlog, in)
///   Nov 10 ─ C registered ─ Nov 11 resolved │ Dec 02 reopened ─ Dec 03 resolved (in; December events left out)
///                                            │ Dec 02 ─ D registered (out)
/// </code>
/// </summary>
public sealed class SqliteTicketHistoryTests : IDisposable
{
    private static readonly TimeSpan Brt = TimeSpan.FromHours(-3);
    private static readonly Actor Agent = Actor.Agent("ana.l1");
    private readonly TemporarySqlite _sqlite = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteTicketStore _store;

    public SqliteTicketHistoryTests()
    {
        _database = _sqlite.Database;
        _store = new SqliteTicketStore(_database, new Support.NoOutboxSignal(), new NoTicketDeadlines());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

        var export = new TicketExport(new SqliteTicketHistory(_database), new TicketRecordMapper(new TicketClocks(DefaultContract.Definition)));
        using var output = new MemoryStream();
        var count = await export.WriteMonthAsync(AssessmentMonth.Create(2026, 11), At(12, 10, 9), output, Ct);

        Assert.Equal(2, count);
        using var reader = new StringReader(Encoding.UTF8.GetString(output.ToArray()));
        var records = TicketJsonlReader.Read(reader, "export").ToList();
        Assert.Equal([b.Protocol.ToString(), c.Protocol.ToString()], records.Select(r => r.Protocol));
        Assert.Empty(records[0].Events);
        var november = records[1];
        Assert.Equal(TicketChannel.Email, november.Channel);
        Assert.Equal(At(11, 10, 9), november.ReceivedAt);
        Assert.Equal(Brt, november.ReceivedAt.Offset);
        var resolved = Assert.Single(november.Events);
        Assert.Equal(TicketEventType.Resolved, resolved.Type);
        Assert.Equal(At(11, 11, 9), resolved.At);
        Assert.False(resolved.FirstContact);
    }

    [Fact]
    public async Task Exporting_a_closed_month_again_later_writes_the_same_bytes()
    {
        var c = await RegisterAsync(At(11, 10, 9));
        await ChangeAsync(c, t => t.Assign("ana.l1", null, Agent, At(11, 10, 10)));
        var export = new TicketExport(new SqliteTicketHistory(_database), new TicketRecordMapper(new TicketClocks(DefaultContract.Definition)));
        using var first = new MemoryStream();
        await export.WriteMonthAsync(AssessmentMonth.Create(2026, 11), At(12, 1, 1), first, Ct);

        await ChangeAsync(c, t => t.Resolve(true, "Feito.", Agent, At(12, 5, 9)));
        using var second = new MemoryStream();
        await export.WriteMonthAsync(AssessmentMonth.Create(2026, 11), At(12, 20, 1), second, Ct);

        Assert.NotEmpty(first.ToArray());
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public async Task Storing_a_days_figures_twice_keeps_one_set_and_new_figures_replace_the_old()
    {
        var store = new SqliteDailyIndicatorStore(_database);
        var day = new DateOnly(2026, 11, 10);
        DailyIndicator[] figures = [new(day, "2", "Prazos", 3m, 4m, 75m, 95m, false), new(day, "4", "Registro", 4m, 4m, 100m, 95m, true)];

        await store.SaveAsync(day, figures, At(11, 11, 0), Ct);
        await store.SaveAsync(day, figures, At(11, 11, 0), Ct);
        Assert.Equal(figures, await store.ListAsync(day, day, Ct));

        DailyIndicator[] corrected = [new(day, "2", "Prazos", 4m, 4m, 100m, 95m, true)];
        await store.SaveAsync(day, corrected, At(11, 11, 1), Ct);
        Assert.Equal(corrected, await store.ListAsync(day.AddDays(-1), day.AddDays(1), Ct));
    }

    public void Dispose() => _sqlite.Dispose();

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, Brt);

    private async Task<Ticket> RegisterAsync(DateTimeOffset at)
    {
        var id = new TicketId(Guid.NewGuid());
        await _store.CreateAsync(2026, protocol => new TicketDraft(
            Ticket.Register(id, protocol, new NewTicket("Sem acesso", "O sistema mostra erro 500.", EmailAddress.Parse("ana@ifrs.edu.br"), "Ana", Channel.Email, at), at), [], []), Ct);
        return (await _store.GetAsync(id, Ct))!;
    }

    private async Task ChangeAsync(Ticket ticket, Func<Ticket, bool> change)
    {
        var current = (await _store.GetAsync(ticket.Id, Ct))!;
        Assert.True(change(current));
        await _store.SaveAsync(current, [], [], Ct);
    }
}
