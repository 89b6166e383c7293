using Helpdesk.Application.Ports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Finance;

/// <summary>Where the justification of one missed indicator stands, with its deadlines (São Paulo dates).</summary>
public sealed record JustificationStatus(
    string Indicator,
    PenaltyDisposition Disposition,
    DateOnly ClosedOn,
    DateOnly SupplierDeadline,
    DateOnly? ManagerDeadline,
    Justification? Justification);

/// <summary>A justification request the closed month does not allow (the message is for the user, pt-BR).</summary>
public sealed class JustificationException(string message, bool notFound = false) : Exception(message)
{
    public bool NotFound { get; } = notFound;
}

/// <summary>
/// The justification workflow of a closed month (seed 003, 3.8): for each indicator the month's published summary
/// marks as missed, the supplier has 5 business days from the closing to justify it, and the contract manager 5
/// business days to decide; silence is tacit acceptance, and a rejection after the manager's deadline moves the
/// reduction to the next invoice (<see cref="JustificationWorkflow"/>). The closing date is the day the month's
/// first summary version was published. Each submission and decision settles the month again at once
/// (<see cref="Resettlement"/>, ADR-015); if that fails the record stays, and repeating the request settles it.
/// </summary>
public sealed class Justifications(ClosedMonths closedMonths, IJustificationStore store, FinanceContract contract, IOptions<FinanceOptions> options, SettlementInputs inputs, Resettlement resettlement)
{
    public async Task<IReadOnlyList<JustificationStatus>> StatusAsync(AssessmentMonth month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (closedOn, missed) = await ClosedAsync(month, cancellationToken).ConfigureAwait(false);
        var recorded = (await store.ListAsync(options.Value.ContractId, month.ToString(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(j => j.Indicator, StringComparer.Ordinal);
        var calendar = contract.Definition.BuildCalendar(month.Year - 1, month.Year + 2);
        var today = contract.Clock.LocalDate(now);
        return missed.Select(indicator =>
        {
            var j = recorded.GetValueOrDefault(indicator);
            var outcome = JustificationWorkflow.Resolve(
                contract.Assessment.Justification,
                calendar,
                closedOn,
                j?.SubmittedOn,
                j is { Decision: { } d, DecidedOn: { } on } ? (d, on) : null,
                today);
            return new JustificationStatus(indicator, outcome.Disposition, closedOn, outcome.SupplierDeadline, outcome.ManagerDeadline, j);
        }).ToList();
    }

    /// <summary>Records the supplier's justification (a repeated submission keeps the first).</summary>
    public async Task<Justification> SubmitAsync(AssessmentMonth month, string indicator, string text, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (_, missed) = await ClosedAsync(month, cancellationToken).ConfigureAwait(false);
        if (!missed.Contains(indicator, StringComparer.Ordinal))
        {
            throw new JustificationException($"O indicador {indicator} não foi descumprido em {month.Month:D2}/{month.Year}: não há o que justificar.");
        }

        var today = contract.Clock.LocalDate(now);
        var stored = await store.SubmitAsync(new Justification(options.Value.ContractId, month.ToString(), indicator, today, text, by), cancellationToken).ConfigureAwait(false);
        _ = await resettlement.SettleAsync(month, now, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>The <c>--justifications</c> file of <c>helpdesk assess</c> for a closed month, as of <paramref name="now"/>.</summary>
    public async Task<SettlementInput> SettlementInputAsync(AssessmentMonth month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _ = await ClosedAsync(month, cancellationToken).ConfigureAwait(false);
        return await inputs.ForAsync(month, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the contract manager's decision on a submitted justification (a repeated identical decision changes nothing).</summary>
    public async Task<Justification> DecideAsync(AssessmentMonth month, string indicator, JustificationDecision decision, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _ = await ClosedAsync(month, cancellationToken).ConfigureAwait(false);
        var today = contract.Clock.LocalDate(now);
        var stored = await store.DecideAsync(options.Value.ContractId, month.ToString(), indicator, decision, today, by, cancellationToken).ConfigureAwait(false)
            ?? throw new JustificationException($"Não há justificativa do indicador {indicator} em {month.Month:D2}/{month.Year} para decidir.", notFound: true);
        if (stored.Decision != decision)
        {
            throw new JustificationException($"A justificativa do indicador {indicator} já foi decidida em {stored.DecidedOn:dd/MM/yyyy}.");
        }

        // The decision settles the month at once (a new version of its documents only if the settlement changed).
        _ = await resettlement.SettleAsync(month, now, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    private async Task<(DateOnly ClosedOn, IReadOnlyList<string> Missed)> ClosedAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        if (await closedMonths.GetAsync(month, cancellationToken).ConfigureAwait(false) is not { } closed)
        {
            throw new JustificationException($"O mês {month.Month:D2}/{month.Year} ainda não foi fechado.", notFound: true);
        }

        return (closed.ClosedOn, [.. closed.Outcome.MissedIndicators.Order(StringComparer.Ordinal)]);
    }
}
