using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Sla;

/// <summary>
/// One target of a service-catalogue entry: the standard deadline <see cref="Due"/>, and optionally the regulator's caps:
/// <see cref="Limit"/> from receipt (e.g. repairs: never over 48 hours) and <see cref="LimitPastRequested"/> past a later date
/// asked by the requester (e.g. never over 24 hours past the requested time).
/// </summary>
public sealed record SlaTarget(BusinessDuration Due, BusinessDuration? Limit = null, BusinessDuration? LimitPastRequested = null);
