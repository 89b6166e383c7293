using Helpdesk.Domain.Indicators;

namespace Helpdesk.Application.Finance.Formats.Documents;

/// <summary>
/// The indicator table of a month's assessment as the CSV and the spreadsheet show it: one row per indicator, then the
/// totals. One definition of the columns for both documents. Cells are strings, numbers (decimal) or booleans; empty
/// cells are null.
/// </summary>
public static class AssessmentTable
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "indicador", "nome", "unidade", "numerador", "denominador", "valor", "meta", "comparacao", "atingida", "glosa_percentual", "glosa_valor",
    ];

    public static IEnumerable<object?[]> Rows(MonthlyAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        foreach (var r in assessment.Indicators)
        {
            yield return
            [
                r.Id,
                r.Name,
                r.Unit == IndicatorUnit.Percent ? "percent" : "seconds",
                r.Measurement.Numerator,
                r.Measurement.Denominator,
                r.Value,
                r.Target,
                r.Comparison.Symbol(),
                r.Met,
                r.PenaltyPercent,
                r.PenaltyAmount.Rounded,
            ];
        }
    }

    /// <summary>The totals (label, value) under the table.</summary>
    public static IEnumerable<(string Label, object? Value)> Totals(MonthlyAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        yield return ("mes", assessment.Month.ToString());
        yield return ("versao_contrato", assessment.ContractVersion);
        yield return ("fatura", assessment.Invoice.Rounded);
        yield return ("glosa_percentual_total", Math.Round(assessment.PenaltyPercent, 4, MidpointRounding.AwayFromZero));
        yield return ("glosa_valor_total", assessment.PenaltyAmount.Rounded);
        yield return ("agravamentos_valor", assessment.Aggravations.Sum(a => a.Amount.Rounded));
        yield return ("total_com_agravamentos", assessment.TotalAmount.Rounded);
    }

    /// <summary>The header of the readings table: each contract reading the figures were computed with.</summary>
    public static IReadOnlyList<string> ReadingsHeader { get; } = ["leitura", "valor", "clausula"];

    public static IEnumerable<object?[]> Readings(MonthlyAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Readings.Select(r => new object?[] { r.Setting, r.Value, r.Clause });
    }
}
