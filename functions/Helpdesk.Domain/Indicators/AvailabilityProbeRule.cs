namespace Helpdesk.Domain.Indicators;

/// <summary>
/// How the availability probe's heartbeat log becomes downtime (indicator 6 and IDS): the probe runs once per
/// <see cref="Period"/>; a period without a heartbeat is a missed probe; a run of at least
/// <see cref="MissedProbesForOutage"/> consecutive missed probes is an outage lasting from the first missed period's
/// start to the next heartbeat's period. Fewer consecutive misses are timer jitter, not downtime
/// (docs/finance-reports.md, "Availability").
/// </summary>
public sealed record AvailabilityProbeRule
{
    public AvailabilityProbeRule(TimeSpan period, int missedProbesForOutage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(missedProbesForOutage, 1);
        Period = period;
        MissedProbesForOutage = missedProbesForOutage;
    }

    /// <summary>The probe of the product (FunctionCatalog.AvailabilityProbe, every minute); 3 missed minutes in a row are an outage.</summary>
    public static AvailabilityProbeRule Default { get; } = new(TimeSpan.FromMinutes(1), 3);

    public TimeSpan Period { get; }

    public int MissedProbesForOutage { get; }

    /// <summary>How far beyond a period's ends the log must be read to tell whether a miss inside it belongs to an outage.</summary>
    public TimeSpan Margin => Period * (MissedProbesForOutage - 1);

    /// <summary>The start of the probe period <paramref name="instant"/> falls in (periods are aligned on the UTC epoch).</summary>
    public DateTimeOffset SlotOf(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % Period.Ticks), TimeSpan.Zero);
    }
}
