namespace Helpdesk.Domain.Calendar;

/// <summary>
/// A day whose business hours differ from the usual week, listed in the contract: an interruption outside the
/// supplier's control (ANS 4.1, "dia atípico"), a reduced day (e.g. Ash Wednesday until 14:00), or an exceptional
/// opening. <see cref="Hours"/> replaces the day's hours; empty means closed. It overrides holidays too.
/// </summary>
public sealed record AtypicalDay(DateOnly Date, string Reason, IReadOnlyList<BusinessHoursInterval> Hours);
