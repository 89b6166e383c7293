using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Calendar;

/// <summary>A month's start and end as instants in the contract's time zone (São Paulo midnight to midnight).</summary>
public readonly record struct ZonedMonth(AssessmentMonth Month, DateTimeOffset Start, DateTimeOffset End)
{
    public static ZonedMonth Of(AssessmentMonth month, TimeZoneInfo zone) =>
        new(month, StartOfDay(month.FirstDay, zone), StartOfDay(month.AddMonths(1).FirstDay, zone));

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
