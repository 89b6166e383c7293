namespace Helpdesk.Domain.Indicators;

/// <summary>From contract year <see cref="FromContractYear"/> (1 = the first twelve months) on, the target is <see cref="Target"/>.</summary>
public sealed record TargetChange(int FromContractYear, decimal Target);
