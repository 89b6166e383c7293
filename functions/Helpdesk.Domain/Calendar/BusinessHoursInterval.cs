using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Helpdesk.Domain.Calendar;

/// <summary>
/// One stretch of business hours within a local day, in minutes after local midnight:
/// <c>[StartMinute, EndMinute)</c>, with <c>0 &lt;= StartMinute &lt; EndMinute &lt;= 1440</c> ("24:00" is the end of the day).
/// </summary>
public readonly record struct BusinessHoursInterval
{
    public const int MinutesPerDay = 24 * 60;

    private BusinessHoursInterval(int startMinute, int endMinute)
    {
        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    public int StartMinute { get; }

    public int EndMinute { get; }

    public int LengthMinutes => EndMinute - StartMinute;

    public static BusinessHoursInterval Create(int startMinute, int endMinute)
    {
        if (startMinute < 0 || startMinute >= MinutesPerDay)
        {
            throw new ArgumentOutOfRangeException(nameof(startMinute), startMinute, "The start must be between 00:00 and 23:59.");
        }

        if (endMinute <= startMinute || endMinute > MinutesPerDay)
        {
            throw new ArgumentOutOfRangeException(nameof(endMinute), endMinute, "The end must be after the start and no later than 24:00.");
        }

        return new BusinessHoursInterval(startMinute, endMinute);
    }

    /// <summary>Parses "HH:mm" into minutes after midnight; "24:00" is accepted (the end of the day).</summary>
    public static bool TryParseTimeOfDay([NotNullWhen(true)] string? text, out int minute)
    {
        minute = 0;
        if (text is null || text.Length != 5 || text[2] != ':' ||
            !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h) ||
            !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ||
            m > 59 || h > 24 || (h == 24 && m != 0))
        {
            return false;
        }

        minute = (h * 60) + m;
        return true;
    }

    public static string FormatTimeOfDay(int minute) =>
        (minute / 60).ToString("D2", CultureInfo.InvariantCulture) + ":" + (minute % 60).ToString("D2", CultureInfo.InvariantCulture);

    public override string ToString() => FormatTimeOfDay(StartMinute) + "-" + FormatTimeOfDay(EndMinute);
}
