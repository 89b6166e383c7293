namespace Helpdesk.Domain.Penalties;

/// <summary>What happens to a month's reduction for one missed indicator after the justification workflow.</summary>
public enum PenaltyDisposition
{
    /// <summary>A window is still open: the supplier may justify, or the manager may decide.</summary>
    Pending,

    /// <summary>No justification in time, or rejected in time: the reduction applies to this invoice.</summary>
    Applied,

    /// <summary>The justification was accepted: no reduction.</summary>
    Waived,

    /// <summary>The manager did not decide in time: tacit acceptance, no reduction (a later rejection defers it).</summary>
    TacitlyAccepted,

    /// <summary>Rejected after the manager's window: the reduction moves to the next invoice (or the guarantee), 3.8.1.</summary>
    DeferredToNextInvoice,
}
