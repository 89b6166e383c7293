namespace Helpdesk.Domain.Assessment;

public enum TicketEventType
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
