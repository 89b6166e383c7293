namespace Helpdesk.Domain.Penalties;

/// <summary>The disposition and the deadlines that produced it.</summary>
public sealed record JustificationOutcome(PenaltyDisposition Disposition, DateOnly SupplierDeadline, DateOnly? ManagerDeadline);
