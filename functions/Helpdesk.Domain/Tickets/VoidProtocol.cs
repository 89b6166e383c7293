namespace Helpdesk.Domain.Tickets;

/// <summary>A protocol number recorded as void, with the reason it never became a ticket: every number is accounted
/// for, as a ticket or as void (ARCHITECTURE.md D4, ADR-003).</summary>
public sealed record VoidProtocol(ProtocolNumber Protocol, string Reason, DateTimeOffset At);
