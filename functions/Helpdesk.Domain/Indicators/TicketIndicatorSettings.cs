
namespace Helpdesk.Domain.Indicators;

/// <summary>What the ticket pass needs from the contract: month, zone, atypical days, business calendar, formula parameters.</summary>
public sealed record TicketIndicatorSettings(
    AssessmentMonth Month,
    TimeZoneInfo Zone,
    IReadOnlySet<DateOnly> AtypicalDays,
    Calendar.BusinessCalendar Calendar)
{
    /// <summary>Indicator 4's limit (seed 003: 7 minutes).</summary>
    public int RegistrationMinutes { get; init; } = 7;

    /// <summary>SCM14's limit (seed 002: 5 business days), and the late list beyond <see cref="ReplyLateBusinessDays"/> (10).</summary>
    public int ReplyBusinessDays { get; init; } = 5;

    public int ReplyLateBusinessDays { get; init; } = 10;

    /// <summary>Satisfied when the rating is at least this (seed 003 indicator 3: 8 on 0–10).</summary>
    public int SatisfiedScore { get; init; } = 8;

    public int TrendMonths { get; init; } = 3;
}
