namespace Helpdesk.Domain.Tickets;

/// <summary>How a request reached the service desk (the regulator's "canal de atendimento").</summary>
public enum Channel
{
    Email,
    WebForm,
    Api,
    Phone,
    Chat,
    InPerson,
    Letter,
}
