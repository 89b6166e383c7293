namespace Helpdesk.Application.Notifications;

/// <summary>What a support group (or a supervisor) is told in Teams about one ticket.</summary>
public sealed record GroupNotification(
    string Kind,
    string Protocol,
    string Subject,
    string Group,
    string? Assignee,
    string? RemainingTime,
    string? Reason,
    Uri TicketLink,
    Uri? TeamsLink = null);
