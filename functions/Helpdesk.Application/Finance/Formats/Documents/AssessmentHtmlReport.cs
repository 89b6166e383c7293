using System.Globalization;
using System.Net;
using System.Text;
using Helpdesk.Application.Presentation;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Application.Finance.Formats.Documents;

/// <summary>
/// The readable monthly report (pt-BR, one self-contained HTML file, no script): the indicator table, a chart of each
/// percentage indicator against its target, a chart of the reduction per indicator, the totals and the warnings.
/// Charts are inline SVG so that the file opens anywhere and prints as is.
/// </summary>
public static class AssessmentHtmlReport
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static void Write(Stream output, MonthlyAssessment a, string contractId, DateTimeOffset generatedAt, ContractClock clock)
    {
        ArgumentNullException.ThrowIfNull(a);
        var html = new StringBuilder();
        var period = $"{a.Month.Month:D2}/{a.Month.Year:D4}";
        html.Append("<!DOCTYPE html>\n<html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>Apuração dos indicadores — ")
            .Append(Encode(period)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;margin:1rem 0}")
            .Append("th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:right}th:nth-child(-n+2),td:nth-child(-n+2){text-align:left}")
            .Append(".miss{background:#fde8e8}.ok{background:#e8f6ec}.warn{color:#a00;font-weight:bold}")
            .Append("</style></head><body>\n");
        html.Append("<h1>Apuração dos indicadores de nível de serviço — ").Append(Encode(period)).Append("</h1>\n");
        html.Append("<p>Contrato <strong>").Append(Encode(contractId)).Append("</strong> (versão ").Append(Encode(a.ContractVersion))
            .Append(", ano ").Append(a.ContractYear.ToString(PtBr)).Append(" do contrato). Gerado em ").Append(Encode(PtBrTime.Format(generatedAt, clock)))
            .Append(". Valores de ").Append(Encode(a.Month.FirstDay.ToString("dd/MM/yyyy", PtBr))).Append(" a ")
            .Append(Encode(a.Month.LastDay.ToString("dd/MM/yyyy", PtBr))).Append(" (horário de Brasília).</p>\n");
        if (a.StabilizationWaived)
        {
            html.Append("<p>Período de estabilização: as glosas deste mês foram dispensadas.</p>\n");
        }

        Table(html, a);
        html.Append("<h2>Indicadores percentuais × meta</h2>\n");
        TargetChart(html, a.Indicators.Where(r => r.Unit == IndicatorUnit.Percent && r.Value is not null).ToList());
        html.Append("<h2>Glosa por indicador (% da fatura)</h2>\n");
        PenaltyChart(html, a.Indicators.Where(r => r.PenaltyPercent > 0m).ToList());

        html.Append("<h2>Totais</h2>\n<table><tbody>\n");
        Row(html, "Fatura do mês", a.Invoice.ToString());
        Row(html, "Glosa (% da fatura)", Percent(a.PenaltyPercent));
        Row(html, "Glosa (valor)", a.PenaltyAmount.ToString());
        foreach (var g in a.Aggravations)
        {
            Row(html, "Agravamento: " + g.Rule, g.Amount.ToString());
        }

        Row(html, "Total com agravamentos", a.TotalAmount.ToString());
        html.Append("</tbody></table>\n");
        if (MonthlySettlementView.Of(a) is { } settled)
        {
            Settlement(html, settled);
        }

        if (a.Rescission.Warning is { Length: > 0 } warning)
        {
            html.Append("<p class=\"warn\">").Append(Encode(warning)).Append("</p>\n");
        }

        if (a.Warnings.Count > 0)
        {
            html.Append("<h2>Avisos</h2>\n<ul>\n");
            foreach (var w in a.Warnings)
            {
                html.Append("<li>").Append(Encode(w)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>Leituras do contrato em vigor</h2>\n<table><thead><tr><th>Leitura</th><th>Valor</th><th>Cláusula</th></tr></thead><tbody>\n");
        foreach (var r in a.Readings)
        {
            html.Append("<tr><td>").Append(Encode(r.Setting)).Append("</td><td>").Append(Encode(r.Value)).Append("</td><td style=\"text-align:left\">").Append(Encode(r.Clause)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        html.Append("<p>Os números de cada indicador (numerador, denominador e protocolos) estão no resumo <code>assessment.json</code> ")
            .Append("desta pasta; qualquer pessoa pode recalculá-los com <code>helpdesk assess</code> sobre a exportação de chamados.</p>\n");
        html.Append("</body></html>\n");
        var bytes = Encoding.UTF8.GetBytes(html.ToString());
        output.Write(bytes);
    }

    private static void Table(StringBuilder html, MonthlyAssessment a)
    {
        html.Append("<table><thead><tr><th>Indicador</th><th>Nome</th><th>Numerador</th><th>Denominador</th><th>Valor</th><th>Meta</th><th>Atingida</th><th>Glosa (%)</th><th>Glosa (R$)</th></tr></thead><tbody>\n");
        foreach (var r in a.Indicators)
        {
            html.Append("<tr class=\"").Append(r.Met switch { true => "ok", false => "miss", _ => "" }).Append("\"><td>").Append(Encode(r.Id))
                .Append("</td><td>").Append(Encode(r.Name))
                .Append("</td><td>").Append(Number(r.Measurement.Numerator))
                .Append("</td><td>").Append(Number(r.Measurement.Denominator))
                .Append("</td><td>").Append(Figure(r.Value, r.Unit))
                .Append("</td><td>").Append(Encode(r.Comparison.Symbol())).Append(' ').Append(Figure(r.Target, r.Unit))
                .Append("</td><td>").Append(r.Met switch { true => "sim", false => "não", _ => "sem medição" })
                .Append("</td><td>").Append(Percent(r.PenaltyPercent))
                .Append("</td><td>").Append(Encode(r.PenaltyAmount.ToString()))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>Horizontal bars (0–100 %) with the target as a vertical mark.</summary>
    private static void TargetChart(StringBuilder html, IReadOnlyList<IndicatorResult> rows)
    {
        const int left = 90, width = 400, bar = 18, gap = 8;
        var height = (rows.Count * (bar + gap)) + 30;
        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Indicadores percentuais e metas\" width=\"{left + width + 80}\" height=\"{height}\">\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = i * (bar + gap);
            var w = Math.Clamp(r.Value!.Value, 0m, 100m) * width / 100m;
            var colour = r.Met == false ? "#c0392b" : "#2e7d32";
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 13}\" font-size=\"12\">{Encode(r.Id)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{bar}\" fill=\"{colour}\"><title>{Encode(r.Name)}: {Figure(r.Value, r.Unit)}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{left + width + 6}\" y=\"{y + 13}\" font-size=\"12\">{Figure(r.Value, r.Unit)}</text>");
            if (r.Target is { } target)
            {
                var x = left + (Math.Clamp(target, 0m, 100m) * width / 100m);
                html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{y - 2}\" y2=\"{y + bar + 2}\" stroke=\"#000\" stroke-width=\"2\"><title>meta {Figure(target, r.Unit)}</title></line>");
            }

            html.Append('\n');
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{height - 6}\" font-size=\"11\">0 %</text><text x=\"{left + width - 30}\" y=\"{height - 6}\" font-size=\"11\">100 %</text>\n</svg>\n");
    }

    private static void PenaltyChart(StringBuilder html, IReadOnlyList<IndicatorResult> rows)
    {
        if (rows.Count == 0)
        {
            html.Append("<p>Nenhuma glosa neste mês.</p>\n");
            return;
        }

        const int left = 90, width = 400, bar = 18, gap = 8;
        var max = rows.Max(r => r.PenaltyPercent);
        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Glosa por indicador\" width=\"{left + width + 80}\" height=\"{rows.Count * (bar + gap)}\">\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = i * (bar + gap);
            var w = r.PenaltyPercent * width / max;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 13}\" font-size=\"12\">{Encode(r.Id)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{bar}\" fill=\"#c0392b\"><title>{Encode(r.Name)}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{left + w + 6:0.#}\" y=\"{y + 13}\" font-size=\"12\">{Percent(r.PenaltyPercent)}</text>\n");
        }

        html.Append("</svg>\n");
    }

    /// <summary>Seed 003 3.8: each missed indicator's justification, and what finance deducts from this invoice.</summary>
    private static void Settlement(StringBuilder html, MonthlySettlementView view)
    {
        var s = view.Settlement;
        html.Append("<h2>Justificativas e glosa a aplicar (item 3.8)</h2>\n<p>Apuração fechada em ")
            .Append(Encode(s.ClosedOn.ToString("dd/MM/yyyy", PtBr)))
            .Append(s.Final ? ". Todos os prazos de justificativa e de decisão se encerraram." : ". Há prazos de justificativa ou de decisão em curso: a glosa pendente é provisória.")
            .Append("</p>\n");
        if (s.Indicators.Count + s.CarriedIn.Count > 0)
        {
            html.Append("<table><thead><tr><th>Indicador</th><th>Situação</th><th>Prazo do fornecedor</th><th>Justificada em</th><th>Prazo do gestor</th><th>Decisão</th><th>Decidida em</th><th>Glosa (R$)</th><th>Fatura</th></tr></thead><tbody>\n");
            foreach (var row in SettlementTable.Rows(view))
            {
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    html.Append("<td>").Append(Encode(cell switch { null => "—", decimal d => d.ToString("N2", PtBr), _ => cell.ToString() })).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("<table><tbody>\n");
        Row(html, "Glosa aplicada", s.Applied.ToString());
        Row(html, "Glosa pendente", s.Pending.ToString());
        Row(html, "Glosa dispensada (justificativa aceita ou aceite tácito)", s.Waived.ToString());
        Row(html, "Glosa adiada para a próxima fatura", s.Deferred.ToString());
        Row(html, "Glosa trazida de meses anteriores", s.CarriedInAmount.ToString());
        Row(html, "Agravamentos após as justificativas", s.AggravationsAmount.ToString());
        Row(html, "Desconto nesta fatura", s.OnThisInvoice.ToString());
        html.Append("</tbody></table>\n");
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");

    private static string Figure(decimal? value, IndicatorUnit unit) =>
        value is not { } v ? "—" : unit == IndicatorUnit.Percent ? Percent(v) : v.ToString("N0", PtBr) + " s";

    private static string Percent(decimal value) => value.ToString("0.##", PtBr) + " %";

    private static string Number(decimal value) => value.ToString("0.##", PtBr);

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
