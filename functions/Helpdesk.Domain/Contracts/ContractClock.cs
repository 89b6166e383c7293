using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Contracts;

/// <summary>
/// The contract's civil clock (<see cref="ContractDefinition.TimeZone"/>, from <c>calendar.timeZone</c>): local dates,
/// month boundaries and protocol years are all answered here, so that the SLA clocks, finance, intake and exports
/// agree on when a day, a month and a year begin. A contract in Manaus closes its month at Manaus midnight everywhere.
/// No clock is read: the instant is passed in.
/// </summary>
public sealed class ContractClock
{
    public ContractClock(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The instant with the zone's offset at that instant (e.g. -03:00 in São Paulo, -04:00 in Manaus).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => ZonedMonth.LocalDate(instant, Zone);

    /// <summary>The month an instant falls in, locally.</summary>
    public AssessmentMonth MonthOf(DateTimeOffset instant) => AssessmentMonth.Of(LocalDate(instant));

    /// <summary>The year of the protocol numbers allocated at an instant (the local year).</summary>
    public int ProtocolYear(DateTimeOffset instant) => ToLocal(instant).Year;

    /// <summary>The instant the local day starts.</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => ZonedMonth.StartOfDay(day, Zone);

    /// <summary>The month's first and last instants: local midnight to local midnight.</summary>
    public ZonedMonth Month(AssessmentMonth month) => ZonedMonth.Of(month, Zone);
}
