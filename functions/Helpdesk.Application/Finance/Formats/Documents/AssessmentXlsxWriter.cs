using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Application.Finance.Formats.Documents;

/// <summary>
/// The month's spreadsheet (Open XML SDK): sheet <c>Indicadores</c> with the indicator table (numbers as numbers,
/// booleans as booleans) and sheet <c>Totais</c> with the totals; when the month is settled (ADR-015) the settlement totals
/// join <c>Totais</c> and sheet <c>Justificativas</c> holds the settlement table; sheet <c>Leituras</c> lists the readings of
/// the contract the figures were computed with. The columns are <see cref="AssessmentTable"/>'s.
/// </summary>
public static class AssessmentXlsxWriter
{
    public const string IndicatorsSheet = "Indicadores";
    public const string TotalsSheet = "Totais";
    public const string SettlementSheet = "Justificativas";
    public const string ReadingsSheet = "Leituras";

    public static void Write(Stream output, MonthlyAssessment assessment)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        AddSheet(workbook, sheets, 1, IndicatorsSheet, AssessmentTable.Rows(assessment).Prepend([.. AssessmentTable.Header]));
        var settled = MonthlySettlementView.Of(assessment);
        var totals = AssessmentTable.Totals(assessment);
        if (settled is not null)
        {
            totals = totals.Concat(SettlementTable.Totals(settled.Settlement));
        }

        AddSheet(workbook, sheets, 2, TotalsSheet, totals.Select(t => new[] { t.Label, t.Value }));
        if (settled is not null)
        {
            AddSheet(workbook, sheets, 3, SettlementSheet, SettlementTable.Rows(settled).Prepend([.. SettlementTable.Header]));
        }

        AddSheet(workbook, sheets, settled is null ? 3u : 4u, ReadingsSheet, AssessmentTable.Readings(assessment).Prepend([.. AssessmentTable.ReadingsHeader]));

        workbook.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IEnumerable<object?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint rowIndex = 0;
        foreach (var values in rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            for (var column = 0; column < values.Length; column++)
            {
                var cell = CellOf(values[column]);
                cell.CellReference = $"{(char)('A' + column)}{rowIndex}";
                row.Append(cell);
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell CellOf(object? value) => value switch
    {
        null => new Cell(),
        decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? "")) },
    };
}
