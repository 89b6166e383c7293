namespace Helpdesk.Domain.Assessment;

/// <summary>Where a ticket came in (seed 002 "meio utilizado"; seed 003 4.14 channels).</summary>
public enum TicketChannel
{
    Phone,
    Email,
    WebForm,
    Api,
    Chat,
    Chatbot,
    InPerson,
    Letter,
    Other,
}
