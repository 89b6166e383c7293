using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Sla;

/// <summary>
/// Reads one SLA clock (first response or resolution) at an instant: the target counted from <c>start</c>, suspended by
/// the pauses known so far, replaced by a later date asked by the requester, and compared with the at-risk threshold.
/// </summary>
public static class SlaClock
{
    /// <param name="calendar">The contract's calendar.</param>
    /// <param name="settings">The contract's clock settings.</param>
    /// <param name="start">When the request was received.</param>
    /// <param name="target">The catalogue target.</param>
    /// <param name="pauses">Pauses pending on the requester; a pause that ends after <paramref name="now"/> is read as still open.</param>
    /// <param name="requestedDate">A later date asked by the requester, if any: it replaces the standard deadline when later.</param>
    /// <param name="now">The instant of the reading (for a concluded ticket, the conclusion instant).</param>
    public static ClockReading Read(
        BusinessCalendar calendar,
        ClockSettings settings,
        DateTimeOffset start,
        SlaTarget target,
        IEnumerable<PauseInterval> pauses,
        DateTimeOffset? requestedDate,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(pauses);

        var known = PauseInterval.Normalize(
            pauses.Where(p => p.From <= now).Select(p => p.To is { } to && to > now ? PauseInterval.Open(p.From) : p),
            start);
        var unit = target.Due.Unit;
        var isSuspended = known.Count > 0 && known[^1].IsOpen && known[^1].From <= now;

        var standardDue = SuspendedCounting.Deadline(calendar, settings, start, target.Due, known);
        var requestedApplies = requestedDate is { } asked && standardDue is { } std && asked > std;
        var dueAt = requestedApplies ? calendar.InZone(requestedDate!.Value) : standardDue;

        DateTimeOffset? limitAt = null;
        if (requestedApplies && target.LimitPastRequested is { } pastRequested)
        {
            limitAt = calendar.Deadline(requestedDate!.Value, pastRequested);
        }
        else if (!requestedApplies && target.Limit is { } limit)
        {
            limitAt = SuspendedCounting.Deadline(calendar, settings, start, limit, known);
        }

        var elapsed = SuspendedCounting.Elapsed(calendar, settings, start, now, unit, known);
        var remaining = requestedApplies
            ? calendar.Elapsed(now, dueAt!.Value, unit)
            : Subtract(target.Due, elapsed);

        double fraction;
        if (dueAt is { } due)
        {
            var total = SuspendedCounting.RunningTime(calendar, start, due, unit, known);
            var run = SuspendedCounting.RunningTime(calendar, start, now, unit, known);
            fraction = total > TimeSpan.Zero ? run / total : (now >= due ? 1 : 0);
        }
        else
        {
            fraction = target.Due.IsZero ? 1 : elapsed.Amount / target.Due.Amount;
        }

        var state = dueAt is { } d && now > d ? ClockState.Breached
            : fraction >= settings.AtRiskThreshold ? ClockState.AtRisk
            : ClockState.OnTrack;

        DateTimeOffset? cancellationAt = null;
        if (isSuspended)
        {
            var suspendedOn = calendar.LocalDate(known[^1].From);
            cancellationAt = calendar.StartOf(suspendedOn.AddDays(settings.PendingCancellationDays + 1));
        }

        return new ClockReading
        {
            State = state,
            IsSuspended = isSuspended,
            DueAt = dueAt,
            RequestedDateApplies = requestedApplies,
            LimitAt = limitAt,
            BeyondLimit = limitAt is { } l && now > l,
            Elapsed = elapsed,
            Remaining = remaining,
            ElapsedFraction = fraction,
            CancellationDueAt = cancellationAt,
            CancellationDue = cancellationAt is { } c && now >= c,
        };
    }

    private static BusinessDuration Subtract(BusinessDuration target, BusinessDuration elapsed) => target.Unit switch
    {
        DurationUnit.BusinessDays => BusinessDuration.BusinessDays(Math.Max(0, target.Days - elapsed.Days)),
        DurationUnit.BusinessHours => BusinessDuration.BusinessHours(target.Time > elapsed.Time ? target.Time - elapsed.Time : TimeSpan.Zero),
        _ => BusinessDuration.Hours(target.Time > elapsed.Time ? target.Time - elapsed.Time : TimeSpan.Zero),
    };
}
