namespace Helpdesk.Domain.Audit;

/// <summary>A protocol number that was reserved and never became a ticket, with the documented reason (ADR-003).</summary>
public sealed record ProtocolVoid(string Protocol, string Reason, DateTimeOffset RecordedAt);
