namespace Helpdesk.Domain.Tickets;

/// <summary>The classification of the request (seed 002 "classificação da postulação").</summary>
public enum TicketKind
{
    Request,
    Information,
    Complaint,
    Incident,
    Other,
}
