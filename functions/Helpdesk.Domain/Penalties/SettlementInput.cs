namespace Helpdesk.Domain.Penalties;

/// <summary>
/// What settling a month needs besides its assessment: the day the assessment was closed (the supplier's window starts
/// there), the day the settlement is made (open windows are judged against it) and the justifications recorded.
/// </summary>
public sealed record SettlementInput(DateOnly ClosedOn, DateOnly Today, IReadOnlyList<JustificationRecord> Justifications);
