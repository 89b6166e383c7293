namespace Helpdesk.Domain.Penalties;

/// <summary>A supplier's justification of one missed indicator as recorded: when it was submitted, and the contract manager's decision if any.</summary>
public sealed record JustificationRecord(string Indicator, DateOnly SubmittedOn, JustificationDecision? Decision = null, DateOnly? DecidedOn = null);
