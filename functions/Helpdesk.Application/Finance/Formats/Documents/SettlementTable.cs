using System.Globalization;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Application.Finance.Formats.Documents;

/// <summary>
/// The settlement of a month (ADR-015) as the CSV, the spreadsheet and the readable report show it, in pt-BR: one row
/// per missed indicator with its disposition and deadlines, one per reduction carried in from an earlier month, and the
/// settlement totals. One definition for the three documents. Dates dd/MM/yyyy, invoices MM/yyyy.
/// </summary>
public static class SettlementTable
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static IReadOnlyList<string> Header { get; } =
    [
        "indicador", "situacao", "prazo_fornecedor", "justificada_em", "prazo_gestor", "decisao", "decidida_em", "glosa_valor", "fatura",
    ];

    /// <summary>What a disposition means for finance, in pt-BR.</summary>
    public static string Describe(PenaltyDisposition disposition) => disposition switch
    {
        PenaltyDisposition.Pending => "pendente (prazo de justificativa ou de decisão em curso)",
        PenaltyDisposition.Applied => "glosa aplicada",
        PenaltyDisposition.Waived => "justificativa aceita: sem glosa",
        PenaltyDisposition.TacitlyAccepted => "aceite tácito: sem glosa",
        PenaltyDisposition.DeferredToNextInvoice => "rejeitada fora do prazo: glosa na próxima fatura",
        _ => disposition.ToString(),
    };

    public static IEnumerable<object?[]> Rows(MonthlySettlementView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Settlement;
        foreach (var i in s.Indicators)
        {
            yield return
            [
                i.Indicator,
                Describe(i.Outcome.Disposition),
                Day(i.Outcome.SupplierDeadline),
                i.Justification is { } j ? Day(j.SubmittedOn) : null,
                i.Outcome.ManagerDeadline is { } md ? Day(md) : null,
                i.Justification?.Decision switch { JustificationDecision.Accepted => "aceita", JustificationDecision.Rejected => "rejeitada", _ => null },
                i.Justification?.DecidedOn is { } on ? Day(on) : null,
                i.Amount.Rounded,
                i.DeferredTo is { } to ? Invoice(to) : i.Cleared ? null : Invoice(view.Month),
            ];
        }

        foreach (var c in s.CarriedIn)
        {
            yield return [c.Indicator, $"trazida de {Invoice(c.From)}: rejeitada fora do prazo", null, null, null, "rejeitada", null, c.Amount.Rounded, Invoice(view.Month)];
        }
    }

    /// <summary>The settlement totals (label, value).</summary>
    public static IEnumerable<(string Label, object? Value)> Totals(MonthSettlement s)
    {
        ArgumentNullException.ThrowIfNull(s);
        yield return ("fechamento_apuracao", Day(s.ClosedOn));
        yield return ("liquidacao_final", s.Final);
        yield return ("glosa_aplicada", s.Applied.Rounded);
        yield return ("glosa_pendente", s.Pending.Rounded);
        yield return ("glosa_dispensada", s.Waived.Rounded);
        yield return ("glosa_adiada_proxima_fatura", s.Deferred.Rounded);
        yield return ("glosa_trazida_meses_anteriores", s.CarriedInAmount.Rounded);
        yield return ("agravamentos_liquidados", s.AggravationsAmount.Rounded);
        yield return ("desconto_nesta_fatura", s.OnThisInvoice.Rounded);
    }

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", PtBr);

    private static string Invoice(AssessmentMonth month) => $"{month.Month:D2}/{month.Year:D4}";
}

/// <summary>A month and its settlement.</summary>
public sealed record MonthlySettlementView(AssessmentMonth Month, MonthSettlement Settlement)
{
    public static MonthlySettlementView? Of(MonthlyAssessment assessment) =>
        assessment?.Settlement is { } s ? new MonthlySettlementView(assessment.Month, s) : null;
}
