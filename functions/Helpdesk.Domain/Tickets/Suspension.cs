namespace Helpdesk.Domain.Tickets;

/// <summary>An interval in which the ticket waited on the requester (the SLA clock is suspended). <see cref="To"/> is
/// null while the pendency lasts.</summary>
public sealed record Suspension(DateTimeOffset From, DateTimeOffset? To);
