using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Sla;

/// <summary>What a clock shows at one instant.</summary>
public sealed record ClockReading
{
    public required ClockState State { get; init; }

    /// <summary>True while an open pause suspends the clock.</summary>
    public required bool IsSuspended { get; init; }

    /// <summary>The instant the target is reached (pauses and a requested date applied); null while suspended before reaching it.</summary>
    public required DateTimeOffset? DueAt { get; init; }

    /// <summary>True when a later date asked by the requester replaced the standard deadline.</summary>
    public required bool RequestedDateApplies { get; init; }

    /// <summary>The regulator's cap, when the target has one (null while suspended).</summary>
    public required DateTimeOffset? LimitAt { get; init; }

    /// <summary>True once the cap has passed.</summary>
    public required bool BeyondLimit { get; init; }

    /// <summary>Time run on the clock, in the target's unit, pauses excluded.</summary>
    public required BusinessDuration Elapsed { get; init; }

    /// <summary>What is left until <see cref="DueAt"/>, in the target's unit (zero once due).</summary>
    public required BusinessDuration Remaining { get; init; }

    /// <summary>Share of the target that has run (may exceed 1 once breached).</summary>
    public required double ElapsedFraction { get; init; }

    /// <summary>While suspended: the instant the request becomes cancellable for lack of an answer from the requester.</summary>
    public required DateTimeOffset? CancellationDueAt { get; init; }

    /// <summary>True when <see cref="CancellationDueAt"/> has come.</summary>
    public bool CancellationDue { get; init; }
}
