using Helpdesk.Domain.Tickets;

namespace Helpdesk.FunctionApp.Web;

/// <summary>How a ticket's resolution clock reads to an agent: on time, at risk, breached, suspended or stopped.</summary>
public static class SlaDisplay
{
    public static (string Css, string Label) State(TicketStatus status, DateTimeOffset? atRiskAt, DateTimeOffset? dueAt, DateTimeOffset now)
    {
        if (status == TicketStatus.PendingOnRequester)
        {
            return ("paused", "Suspenso (aguardando solicitante)");
        }

        if (status is not (TicketStatus.New or TicketStatus.Open))
        {
            return ("stopped", "Parado");
        }

        if (dueAt is not { } due)
        {
            return ("stopped", "Sem prazo definido");
        }

        if (now >= due)
        {
            return ("breached", "Prazo estourado");
        }

        return atRiskAt is { } risk && now >= risk ? ("at-risk", "Em risco") : ("ok", "No prazo");
    }
}
