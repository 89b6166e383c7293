using Helpdesk.Application.Ports;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The behaviour every <see cref="IJustificationStore"/> adapter must have (SQLite, Cosmos DB): one
/// justification per contract, month and indicator, never overwritten; the first decision stands; and both hold when
/// callers race, every caller being answered with what was stored.</summary>
public abstract class JustificationStoreContract
{
    private const string Contract = "MEC-2026/01";
    private const string Month = "2026-10";

    protected abstract IJustificationStore Store { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_submission_for_the_same_indicator_returns_the_first_unchanged()
    {
        var first = await Store.SubmitAsync(Submission("2", "Queda de energia no datacenter.", "fornecedor.ana"), Ct);

        var second = await Store.SubmitAsync(Submission("2", "Outra justificativa.", "fornecedor.bia") with { SubmittedOn = new DateOnly(2026, 11, 6) }, Ct);

        Assert.Equal(Submission("2", "Queda de energia no datacenter.", "fornecedor.ana"), first);
        Assert.Equal(first, second);
        Assert.Equal([first], await Store.ListAsync(Contract, Month, Ct));
    }

    [Fact]
    public async Task The_first_decision_stands_and_a_decision_without_a_justification_records_nothing()
    {
        await Store.SubmitAsync(Submission("4", "Fila de e-mail parada.", "fornecedor.ana"), Ct);

        var accepted = await Store.DecideAsync(Contract, Month, "4", JustificationDecision.Accepted, new DateOnly(2026, 11, 9), "gestor.caio", Ct);
        var later = await Store.DecideAsync(Contract, Month, "4", JustificationDecision.Rejected, new DateOnly(2026, 11, 10), "gestor.duda", Ct);
        var none = await Store.DecideAsync(Contract, Month, "7", JustificationDecision.Rejected, new DateOnly(2026, 11, 10), "gestor.duda", Ct);

        var expected = Submission("4", "Fila de e-mail parada.", "fornecedor.ana") with { Decision = JustificationDecision.Accepted, DecidedOn = new DateOnly(2026, 11, 9), DecidedBy = "gestor.caio" };
        Assert.Equal(expected, accepted);
        Assert.Equal(expected, later);
        Assert.Null(none);
        Assert.Equal([expected], await Store.ListAsync(Contract, Month, Ct));
    }

    [Fact]
    public async Task A_month_lists_only_its_contracts_justifications_by_indicator()
    {
        await Store.SubmitAsync(Submission("SCM3", "c", "f"), Ct);
        await Store.SubmitAsync(Submission("2", "a", "f"), Ct);
        await Store.SubmitAsync(Submission("10", "b", "f"), Ct);
        await Store.SubmitAsync(Submission("2", "outro mês", "f") with { Month = "2026-09" }, Ct);
        await Store.SubmitAsync(Submission("2", "outro contrato", "f") with { Contract = "MEC-2026/02" }, Ct);

        var listed = await Store.ListAsync(Contract, Month, Ct);

        Assert.Equal(["10", "2", "SCM3"], listed.Select(j => j.Indicator));
        Assert.All(listed, j => Assert.Equal((Contract, Month), (j.Contract, j.Month)));
        Assert.Equal("outro contrato", Assert.Single(await Store.ListAsync("MEC-2026/02", Month, Ct)).Text);
        Assert.Empty(await Store.ListAsync(Contract, "2026-08", Ct));
    }

    [Fact]
    public async Task Concurrent_submissions_store_one_and_every_caller_sees_the_stored_one()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.SubmitAsync(Submission("2", $"Justificativa {i}", $"fornecedor.{i}"), Ct), Ct)));

        var stored = Assert.Single(await Store.ListAsync(Contract, Month, Ct));
        Assert.All(results, r => Assert.Equal(stored, r));
        Assert.Equal($"Justificativa {stored.SubmittedBy["fornecedor.".Length..]}", stored.Text); // one caller's submission whole, not a blend
    }

    [Fact]
    public async Task Concurrent_decisions_record_one_and_every_caller_sees_the_recorded_one()
    {
        await Store.SubmitAsync(Submission("2", "Queda de energia.", "fornecedor.ana"), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(
            () => Store.DecideAsync(Contract, Month, "2", i % 2 == 0 ? JustificationDecision.Accepted : JustificationDecision.Rejected, new DateOnly(2026, 11, 1 + i), $"gestor.{i}", Ct),
            Ct)));

        var stored = Assert.Single(await Store.ListAsync(Contract, Month, Ct));
        Assert.NotNull(stored.Decision);
        Assert.All(results, r => Assert.Equal(stored, r));
        var winner = int.Parse(stored.DecidedBy!["gestor.".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((winner % 2 == 0 ? JustificationDecision.Accepted : JustificationDecision.Rejected, new DateOnly(2026, 11, 1 + winner)), (stored.Decision!.Value, stored.DecidedOn!.Value));
    }

    private static Justification Submission(string indicator, string text, string by) =>
        new(Contract, Month, indicator, new DateOnly(2026, 11, 5), text, by);
}
