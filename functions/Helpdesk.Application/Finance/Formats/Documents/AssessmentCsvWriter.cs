using System.Globalization;
using System.Text;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Application.Finance.Formats.Documents;

/// <summary>
/// The month's indicator table as CSV (RFC 4180: comma-separated, CRLF, quoted where needed, UTF-8 without BOM), numbers
/// with a decimal point, booleans <c>true</c>/<c>false</c>. After the indicator rows, one blank line and the totals as
/// <c>label,value</c> rows; when the month is settled (ADR-015), the settlement totals follow them, then one blank line
/// and the settlement table (<see cref="SettlementTable"/>); last, after one blank line, the readings of the contract the
/// figures were computed with (<c>leitura,valor,clausula</c>).
/// </summary>
public static class AssessmentCsvWriter
{
    public static void Write(Stream output, MonthlyAssessment assessment)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        w.WriteLine(string.Join(',', AssessmentTable.Header.Select(Field)));
        foreach (var row in AssessmentTable.Rows(assessment))
        {
            w.WriteLine(string.Join(',', row.Select(Cell)));
        }

        w.WriteLine();
        foreach (var (label, value) in AssessmentTable.Totals(assessment))
        {
            w.WriteLine(Field(label) + "," + Cell(value));
        }

        if (MonthlySettlementView.Of(assessment) is { } settled)
        {
            foreach (var (label, value) in SettlementTable.Totals(settled.Settlement))
            {
                w.WriteLine(Field(label) + "," + Cell(value));
            }

            w.WriteLine();
            w.WriteLine(string.Join(',', SettlementTable.Header.Select(Field)));
            foreach (var row in SettlementTable.Rows(settled))
            {
                w.WriteLine(string.Join(',', row.Select(Cell)));
            }
        }

        w.WriteLine();
        w.WriteLine(string.Join(',', AssessmentTable.ReadingsHeader.Select(Field)));
        foreach (var row in AssessmentTable.Readings(assessment))
        {
            w.WriteLine(string.Join(',', row.Select(Cell)));
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Field(value.ToString() ?? ""),
    };

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
