using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>Reads the finance XLSX back with DocumentFormat.OpenXml.</summary>
public static class Spreadsheets
{
    /// <summary>The rows of sheet <paramref name="name"/>, each as its cells' texts (inline strings or values).</summary>
    public static List<string[]> ReadSheet(byte[] content, string name)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? string.Empty).ToArray())];
    }
}
