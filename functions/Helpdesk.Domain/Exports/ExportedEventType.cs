namespace Helpdesk.Domain.Exports;

public enum ExportedEventType
{
    AgentReply,
    Escalated,
    Pending,
    Resumed,
    Resolved,
    Reopened,
    Closed,
    Cancelled,
    Rated,
}
