namespace Helpdesk.Domain.Assessment;

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
