using Helpdesk.Application.Ports;
using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Sla;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Sla;

/// <summary>A ticket's two SLA clocks at an instant, for the targets of its category × priority in the contract
/// (<see cref="ResolutionTarget"/>: the catalogue target the resolution clock runs against). <see cref="DefaultTarget"/>:
/// the ticket has no entry of its own (not classified yet, or not listed) and runs against the contract's
/// <c>serviceCatalogue.unclassified</c> target; <see cref="Category"/> and <see cref="Priority"/> are then the ticket's
/// (null when not classified).</summary>
public sealed record TicketClockReadings(string? Category, string? Priority, ClockReading FirstResponse, ClockReading Resolution, SlaTarget ResolutionTarget, bool DefaultTarget = false);

/// <summary>
/// Reads a ticket's SLA clocks from the contract (targets per category × priority, business calendar, clock settings)
/// and its history (received at, suspensions while pending on the requester, first response, resolution). Also the
/// store's <see cref="ITicketDeadlines"/>: the resolution deadline and the instant it becomes at risk, so that lists
/// can filter by breach state.
/// </summary>
public sealed class TicketClocks : ITicketDeadlines
{
    private readonly ContractDefinition _contract;
    private readonly Lazy<BusinessCalendar> _calendar;

    public TicketClocks(ContractDefinition contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        _contract = contract;
        _calendar = new Lazy<BusinessCalendar>(() => contract.BuildCalendar());
    }

    /// <summary>The contract's civil clock (local dates, months, protocol years).</summary>
    public ContractClock Clock => _contract.Clock;

    /// <summary>The readings at <paramref name="now"/> (a concluded ticket's clocks stop at its conclusion). Every ticket has
    /// them from registration: without a catalogue entry of its own, against the contract's target for unclassified tickets.</summary>
    public TicketClockReadings Read(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var entry = _contract.ServiceCatalogue.TargetsFor(ticket.Category, ticket.Priority);

        var pauses = Pauses(ticket);
        var concludedAt = ticket.IsActive ? (DateTimeOffset?)null : ticket.ResolvedAt ?? ticket.ClosedAt ?? ticket.UpdatedAt;
        var resolutionAt = concludedAt is { } c && c < now ? c : now;
        var responseAt = ticket.FirstResponseAt is { } r && r < now ? r : resolutionAt;
        var calendar = _calendar.Value;
        return new TicketClockReadings(
            ticket.Category,
            ticket.Priority,
            RequesterCancellation(ticket, SlaClock.Read(calendar, _contract.ClockSettings, ticket.ReceivedAt, entry.FirstResponse, pauses, null, responseAt), entry.FirstResponse, responseAt),
            RequesterCancellation(ticket, SlaClock.Read(calendar, _contract.ClockSettings, ticket.ReceivedAt, entry.Resolution, pauses, null, resolutionAt), entry.Resolution, resolutionAt),
            entry.Resolution,
            ReferenceEquals(entry, _contract.ServiceCatalogue.Unclassified));
    }

    /// <summary>For an active ticket with a running resolution clock: when it becomes at risk and when it is due.</summary>
    public TicketDeadline For(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!ticket.IsActive)
        {
            return TicketDeadline.None;
        }

        var entry = _contract.ServiceCatalogue.TargetsFor(ticket.Category, ticket.Priority);

        var pauses = Pauses(ticket);
        var calendar = _calendar.Value;
        var at = ticket.UpdatedAt;
        var reading = SlaClock.Read(calendar, _contract.ClockSettings, ticket.ReceivedAt, entry.Resolution, pauses, null, at);
        if (reading.IsSuspended || reading.DueAt is not { } due)
        {
            return TicketDeadline.None;
        }

        // The at-risk instant is where the run fraction reaches the threshold; the fraction only grows with time, so
        // bisect between receipt and the deadline to the minute.
        var low = ticket.ReceivedAt;
        var high = due;
        while (high - low > TimeSpan.FromMinutes(1))
        {
            var mid = low + ((high - low) / 2);
            var fraction = SlaClock.Read(calendar, _contract.ClockSettings, ticket.ReceivedAt, entry.Resolution, pauses, null, mid).ElapsedFraction;
            if (fraction >= _contract.ClockSettings.AtRiskThreshold)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return new TicketDeadline(high, due);
    }

    /// <summary>
    /// How far ahead the deadline sweep escalates level-1 tickets at <paramref name="now"/>: <paramref name="now"/> itself
    /// while business time runs for the whole next <paramref name="sweepInterval"/>; otherwise (the last sweep before
    /// business hours end, and every sweep outside them) the instant one <paramref name="sweepInterval"/> of business
    /// time will have passed, i.e. just after the next business period starts. A ticket that will breach before then
    /// (a wall-clock target at night, or a deadline at the close) is escalated while level 2 can still be reached.
    /// </summary>
    public DateTimeOffset EscalationHorizon(DateTimeOffset now, TimeSpan sweepInterval)
    {
        var calendar = _calendar.Value;
        return calendar.BusinessTimeBetween(now, now + sweepInterval) >= sweepInterval ? now : calendar.AddBusinessTime(now, sweepInterval);
    }

    /// <summary>The resolution time left at <paramref name="now"/> as people read it ("6 h 30 min úteis"), or null
    /// when the ticket has no running target.</summary>
    public string? RemainingText(Ticket ticket, DateTimeOffset now)
    {
        var readings = Read(ticket, now);
        if (readings.Resolution.IsSuspended || readings.Resolution.DueAt is null)
        {
            return null;
        }

        return readings.Resolution.Remaining.IsZero ? "esgotado" : DurationText.BusinessAmount(readings.Resolution.Remaining);
    }

    /// <summary>The pauses of the clock: pendencies on the requester, and the hand-offs to external teams when the
    /// contract's <see cref="ClockSettings.ExternalHandOffSuspendsClock"/> says they suspend it.</summary>
    private List<PauseInterval> Pauses(Ticket ticket)
    {
        var pauses = RequesterPauses(ticket);
        if (_contract.ClockSettings.ExternalHandOffSuspendsClock)
        {
            pauses.AddRange(ticket.ExternalHandOffs.Select(h => h.ReturnedAt is { } back ? PauseInterval.Closed(h.ForwardedAt, back) : PauseInterval.Open(h.ForwardedAt)));
        }

        return pauses;
    }

    private static List<PauseInterval> RequesterPauses(Ticket ticket) =>
        [.. ticket.Suspensions.Select(s => s.To is { } to ? PauseInterval.Closed(s.From, to) : PauseInterval.Open(s.From))];

    /// <summary>Only a pendency on the requester makes a request cancellable for lack of an answer: when hand-offs
    /// suspend the clock too, the cancellation instant is read from the requester's pauses alone.</summary>
    private ClockReading RequesterCancellation(Ticket ticket, ClockReading reading, SlaTarget target, DateTimeOffset at)
    {
        if (!_contract.ClockSettings.ExternalHandOffSuspendsClock || ticket.ExternalHandOffs.Count == 0)
        {
            return reading;
        }

        var requesterOnly = SlaClock.Read(_calendar.Value, _contract.ClockSettings, ticket.ReceivedAt, target, RequesterPauses(ticket), null, at);
        return reading with { CancellationDueAt = requesterOnly.CancellationDueAt, CancellationDue = requesterOnly.CancellationDue };
    }
}
