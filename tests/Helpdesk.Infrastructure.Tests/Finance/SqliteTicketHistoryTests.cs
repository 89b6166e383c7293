using Helpdesk.Application.Finance;
using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The ticket-history contract against the embedded SQLite database (a fresh file per test), and the SQLite
/// store of the daily figures.</summary>
public sealed class SqliteTicketHistoryTests : TicketHistoryContract, IDisposable
{
    private static readonly TimeSpan Brt = TimeSpan.FromHours(-3);
    private readonly TemporarySqlite _sqlite = new();
    private readonly SqliteDatabase _database;

    public SqliteTicketHistoryTests()
    {
        _database = _sqlite.Database;
        Store = new SqliteTicketStore(_database, new NoOutboxSignal(), new NoTicketDeadlines());
        History = new SqliteTicketHistory(_database);
    }

    protected override ITicketStore Store { get; }

    protected override ITicketHistory History { get; }

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
}
