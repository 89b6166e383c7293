using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Helpdesk.Domain.Indicators;

/// <summary>A calendar month being assessed ("apuração mensal"), written YYYY-MM.</summary>
public readonly record struct AssessmentMonth : IComparable<AssessmentMonth>
{
    private AssessmentMonth(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static AssessmentMonth Create(int year, int month) =>
        year is < 2000 or > 9999 || month is < 1 or > 12
            ? throw new ArgumentOutOfRangeException(nameof(month), $"{year}-{month} is not a month.")
            : new AssessmentMonth(year, month);

    public static AssessmentMonth Of(DateOnly day) => new(day.Year, day.Month);

    public static bool TryParse([NotNullWhen(true)] string? text, out AssessmentMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || y < 2000 || m is < 1 or > 12)
        {
            return false;
        }

        month = new AssessmentMonth(y, m);
        return true;
    }

    public AssessmentMonth AddMonths(int months) => Of(FirstDay.AddMonths(months));

    /// <summary>Whole months from <paramref name="earlier"/> to this month (0 when equal).</summary>
    public int MonthsSince(AssessmentMonth earlier) => ((Year - earlier.Year) * 12) + Month - earlier.Month;

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public int CompareTo(AssessmentMonth other) => MonthsSince(other).CompareTo(0);

    public static bool operator <(AssessmentMonth left, AssessmentMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(AssessmentMonth left, AssessmentMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(AssessmentMonth left, AssessmentMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(AssessmentMonth left, AssessmentMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture);
}
