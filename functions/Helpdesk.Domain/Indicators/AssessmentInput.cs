using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Indicators;

/// <summary>
/// What a monthly assessment reads. <see cref="Tickets"/> is enumerated once (stream it from the export);
/// <see cref="CallIntervals"/> is null when no call-centre data was imported (the call-centre indicators are then
/// reported as not measured). <see cref="History"/> holds earlier months' outcomes for aggravations and rescission.
/// </summary>
public sealed record AssessmentInput(AssessmentMonth Month, IEnumerable<ExportedTicket> Tickets)
{
    public IEnumerable<CallCentreInterval>? CallIntervals { get; init; }

    /// <summary>The availability probe's heartbeats: when given, formula <c>availability</c> (indicator 6, IDS) is
    /// measured from them instead of the call-centre rows' <c>unavailableSeconds</c>.</summary>
    public AvailabilityInput? Availability { get; init; }

    /// <summary>Replaces the contract's monthly invoice value (the CLI's <c>--invoice</c>).</summary>
    public Money? Invoice { get; init; }

    public IReadOnlyList<MonthOutcome> History { get; init; } = [];

    /// <summary>The contract's business calendar, for every business-day count (SCM14, justification windows); default:
    /// the built-in contract's.</summary>
    public Calendar.BusinessCalendar Calendar { get; init; } = Contracts.DefaultContract.Calendar;
}
