namespace Helpdesk.Domain.Calendar;

/// <summary>A day without business hours; <see cref="Name"/> is in pt-BR, as users see it.</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind);
