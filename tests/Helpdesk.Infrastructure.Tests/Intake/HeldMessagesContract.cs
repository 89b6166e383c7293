using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Tests.Intake;

/// <summary>The behaviour every <see cref="IHeldMessages"/> adapter must have (SQLite, Cosmos DB): a message is held
/// once however often it is delivered; the list shows only undecided messages, oldest first; the first decision
/// stands, also when supervisors race; the daily figure counts what was held in a half-open interval.</summary>
public abstract class HeldMessagesContract
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    protected abstract IHeldMessages Store { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HeldMessage Held(string id, DateTimeOffset at, string reason = "automatic-sender") =>
        new(id, id + "@mx.gov.br", "noreply@sistema.gov.br", "Aviso " + id, "Texto de " + id, at, reason, "maria@ifsp.edu.br");

    [Fact]
    public async Task The_same_message_is_held_once()
    {
        var (first, firstHeld) = await Store.HoldAsync(Held("a1", Monday), Ct);
        var (second, secondHeld) = await Store.HoldAsync(Held("a1", Monday.AddMinutes(3), "bounce"), Ct);

        Assert.True(firstHeld);
        Assert.False(secondHeld);
        Assert.Equal(Held("a1", Monday), first);
        Assert.Equal(first, second);
        Assert.Equal([first], await Store.ListUndecidedAsync(Ct));
    }

    [Fact]
    public async Task The_list_shows_undecided_messages_oldest_first_and_the_first_decision_stands()
    {
        await Store.HoldAsync(Held("b2", Monday.AddHours(1)), Ct);
        await Store.HoldAsync(Held("b1", Monday), Ct);
        await Store.HoldAsync(Held("b3", Monday.AddHours(2)), Ct);

        var discard = new HeldDecision(HeldDecision.Discarded, "sup.ana", Monday.AddHours(3), Reason: "Propaganda.");
        var decided = await Store.DecideAsync("b2", discard, Ct);
        var later = await Store.DecideAsync("b2", new HeldDecision(HeldDecision.Opened, "sup.bia", Monday.AddHours(4), "20260000001", "maria@ifsp.edu.br"), Ct);
        var missing = await Store.DecideAsync("zz", discard, Ct);

        Assert.Equal(Held("b2", Monday.AddHours(1)) with { Decision = discard }, decided);
        Assert.Equal(decided, later);
        Assert.Equal(decided, await Store.GetAsync("b2", Ct));
        Assert.Null(missing);
        Assert.Equal(["b1", "b3"], (await Store.ListUndecidedAsync(Ct)).Select(h => h.Id));
    }

    [Fact]
    public async Task An_opened_ticket_is_recorded_with_its_protocol_and_requester()
    {
        await Store.HoldAsync(Held("c1", Monday) with { From = null, SuggestedRequester = null }, Ct);

        var opened = new HeldDecision(HeldDecision.Opened, "sup.ana", Monday.AddMinutes(5), "20260000042", "joao@ufmg.br");
        var stored = await Store.DecideAsync("c1", opened, Ct);

        Assert.Equal(opened, stored!.Decision);
        Assert.Null(stored.From);
        Assert.Empty(await Store.ListUndecidedAsync(Ct));
    }

    [Fact]
    public async Task Racing_decisions_leave_exactly_one()
    {
        await Store.HoldAsync(Held("d1", Monday), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Store.DecideAsync("d1", new HeldDecision(HeldDecision.Discarded, "sup." + i, Monday.AddMinutes(i), Reason: "motivo " + i), Ct)));

        var winner = (await Store.GetAsync("d1", Ct))!.Decision;
        Assert.NotNull(winner);
        Assert.All(results, r => Assert.Equal(winner, r!.Decision));
    }

    [Fact]
    public async Task The_daily_figure_counts_messages_held_in_the_interval()
    {
        await Store.HoldAsync(Held("e1", Monday), Ct);
        await Store.HoldAsync(Held("e2", Monday.AddHours(11).AddMinutes(59)), Ct);
        await Store.HoldAsync(Held("e3", Monday.AddHours(12)), Ct);
        await Store.HoldAsync(Held("e0", Monday.AddSeconds(-1)), Ct);
        await Store.DecideAsync("e2", new HeldDecision(HeldDecision.Discarded, "sup.ana", Monday.AddHours(13), Reason: "x"), Ct);

        Assert.Equal(2, await Store.CountHeldAsync(Monday, Monday.AddHours(12), Ct));
        Assert.Equal(0, await Store.CountHeldAsync(Monday.AddDays(1), Monday.AddDays(2), Ct));
    }
}
