using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Helpdesk.Application.Reports;

/// <summary>The month a report covers (São Paulo calendar), written <c>yyyy-MM</c> in paths and metadata.</summary>
public readonly record struct ReportMonth
{
    private ReportMonth(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public static ReportMonth Create(int year, int month)
    {
        if (year is < 2000 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The report year must have four digits.");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The report month must be between 1 and 12.");
        }

        return new ReportMonth(year, month);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out ReportMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-' ||
            !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ||
            !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ||
            y < 2000 || m is < 1 or > 12)
        {
            return false;
        }

        month = new ReportMonth(y, m);
        return true;
    }

    public override string ToString() =>
        Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture);
}
