using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The behaviour every <see cref="IClosedMonthStore"/> adapter must have (SQLite, Cosmos DB): a month's record
/// reads back whole (outcomes with misses, impact fines and deferred reductions to the cent, the settled outcome or none,
/// the closing day, final); a save replaces the record of the same or an earlier summary version, never a later one, also
/// when callers race; contracts and months are kept apart.</summary>
public abstract class ClosedMonthStoreContract
{
    private const string Contract = "MEC-2026/01";
    private static readonly AssessmentMonth October = AssessmentMonth.Create(2026, 10);

    protected abstract IClosedMonthStore Store { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_month_never_closed_has_no_record()
    {
        Assert.Null(await Store.GetAsync(Contract, October, Ct));
    }

    [Fact]
    public async Task A_settled_month_reads_back_whole()
    {
        var closed = Settled(version: 2);

        var saved = await Store.SaveAsync(closed, Ct);
        var read = await Store.GetAsync(Contract, October, Ct);

        Assert.Equal(Describe(closed), Describe(saved));
        Assert.Equal(Describe(closed), Describe(read!));
        Assert.Equal(1_234_567.89m, read!.Outcome.Invoice.Amount);
        Assert.Equal(["2", "SCM3"], read.Outcome.MissedIndicators.Order(StringComparer.Ordinal));
        Assert.Equal([Impact.High, Impact.Low], read.Outcome.ImpactFines);
        var deferred = Assert.Single(read.Settled!.Deferred);
        Assert.Equal((October, "2", 5_000.10m, AssessmentMonth.Create(2026, 11)), (deferred.From, deferred.Indicator, deferred.Amount.Amount, deferred.To));
        Assert.Equal(["SCM3"], read.History.MissedIndicators);
        Assert.True(read.Final);
        Assert.Equal(new DateOnly(2026, 11, 3), read.ClosedOn);
    }

    [Fact]
    public async Task A_month_without_settlement_reads_back_with_none_and_not_final()
    {
        var closed = Settled(version: 1) with { Settled = null, Final = false };

        await Store.SaveAsync(closed, Ct);
        var read = await Store.GetAsync(Contract, October, Ct);

        Assert.Null(read!.Settled);
        Assert.False(read.Final);
        Assert.Same(read.Outcome, read.History);
        Assert.Equal(Describe(closed), Describe(read));
    }

    [Fact]
    public async Task A_later_summary_version_replaces_the_record_and_an_earlier_one_never_does()
    {
        await Store.SaveAsync(Settled(version: 1) with { Final = false }, Ct);
        var later = await Store.SaveAsync(Settled(version: 2), Ct);
        var stale = await Store.SaveAsync(Settled(version: 1) with { Final = false, Settled = null }, Ct);
        var again = await Store.SaveAsync(Settled(version: 2) with { Final = false }, Ct);

        Assert.Equal(Describe(Settled(version: 2)), Describe(later));
        Assert.Equal(Describe(Settled(version: 2)), Describe(stale)); // the later record is answered, unchanged
        Assert.Equal(Describe(Settled(version: 2) with { Final = false }), Describe(again)); // the same version replaces
        Assert.Equal(Describe(again), Describe((await Store.GetAsync(Contract, October, Ct))!));
    }

    [Fact]
    public async Task Contracts_and_months_are_kept_apart()
    {
        await Store.SaveAsync(Settled(version: 3), Ct);
        await Store.SaveAsync(Settled(version: 1) with { Contract = "MEC-2026/02", Final = false }, Ct);
        var november = AssessmentMonth.Create(2026, 11);
        await Store.SaveAsync(Settled(version: 1) with { Month = november, Outcome = Outcome(november, "7"), Settled = null, Final = false }, Ct);

        Assert.Equal(3, (await Store.GetAsync(Contract, October, Ct))!.SummaryVersion);
        Assert.False((await Store.GetAsync("MEC-2026/02", October, Ct))!.Final);
        Assert.Equal(["7"], (await Store.GetAsync(Contract, november, Ct))!.Outcome.MissedIndicators);
        Assert.Null(await Store.GetAsync("MEC-2026/02", november, Ct));
    }

    [Fact]
    public async Task Of_racing_saves_the_latest_summary_version_stays()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(v => Task.Run(() => Store.SaveAsync(Settled(version: v) with { Final = v % 2 == 0 }, Ct), Ct)));

        var read = (await Store.GetAsync(Contract, October, Ct))!;
        Assert.Equal(6, read.SummaryVersion);
        Assert.True(read.Final);
        Assert.All(results, r => Assert.True(r.SummaryVersion >= 1 && r.SummaryVersion <= 6));
        Assert.Equal(Describe(Settled(version: 6)), Describe(results[5]));
    }

    private static ClosedMonth Settled(int version) => new(
        Contract,
        October,
        version,
        new DateOnly(2026, 11, 3),
        Outcome(October, "2", "SCM3"),
        Outcome(October, "SCM3") with { Deferred = [new DeferredReduction(October, "2", Money.Brl(5_000.10m), AssessmentMonth.Create(2026, 11))] },
        Final: true);

    private static MonthOutcome Outcome(AssessmentMonth month, params string[] missed) =>
        new(month, Money.Brl(1_234_567.89m), missed.ToHashSet(StringComparer.Ordinal), [Impact.High, Impact.Low]);

    /// <summary>The record by value (its outcomes' sets and lists are new instances when read back).</summary>
    private static string Describe(ClosedMonth c) =>
        $"{c.Contract}|{c.Month}|v{c.SummaryVersion}|{c.ClosedOn:yyyy-MM-dd}|final={c.Final}|{MonthOutcomeJson.ToJson(c.Outcome, deferred: true)}|{(c.Settled is { } s ? MonthOutcomeJson.ToJson(s, deferred: true) : "none")}";
}
