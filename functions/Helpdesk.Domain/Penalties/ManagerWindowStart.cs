namespace Helpdesk.Domain.Penalties;

/// <summary>"… que deverá avaliá-las no mesmo prazo" (3.8) does not say from when. AMBIGUOUS, a named option.</summary>
public enum ManagerWindowStart
{
    /// <summary>Default: from the day the supplier submits the justification.</summary>
    Submission,

    /// <summary>From the end of the supplier's window, whenever it submitted.</summary>
    SupplierDeadline,
}
