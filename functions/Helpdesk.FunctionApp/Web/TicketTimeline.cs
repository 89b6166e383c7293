using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.FunctionApp.Web;

/// <summary>One line of a ticket's timeline: a message, an internal note, or a change of the ticket.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string Who, string? Text, string? Html)
{
    /// <summary>The files kept with a message (issue 20).</summary>
    public IReadOnlyList<Domain.Attachments.AttachmentRef> Attachments { get; init; } = [];

    /// <summary>The parts of an incoming message that were refused, and why.</summary>
    public IReadOnlyList<Domain.Attachments.RefusedAttachment> Refused { get; init; } = [];
}

/// <summary>Builds the timeline an agent reads, oldest first, from the ticket's history (the single source of truth).</summary>
public static class TicketTimeline
{
    public static IReadOnlyList<TimelineEntry> For(Ticket ticket, Helpdesk.Domain.Contracts.ContractClock clock)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var entries = new List<TimelineEntry>();
        var teamNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in ticket.History)
        {
            var who = e.Actor.Kind switch
            {
                "system" => "Sistema",
                "requester" => e.Actor.Id,
                _ => e.Actor.Id,
            };
            TimelineEntry? entry = e.Data switch
            {
                TicketRegistered r => new(e.At, "event", $"Chamado registrado ({Display.Channel(r.Channel)})", who, null, null),
                MessageReceived m => new(m.ReceivedAt, "inbound", "Mensagem do solicitante", m.From, m.Text, m.Html) { Attachments = m.Attachments ?? [], Refused = m.RefusedAttachments ?? [] },
                MessageSent s => new(e.At, "outbound", SentTitle(s.Purpose), who, s.Text, null) { Attachments = s.Attachments ?? [] },
                MessageUndelivered u => new(e.At, "event", "Mensagem não entregue ao solicitante", who, u.Status is null ? "O servidor de e-mail devolveu a mensagem." : $"O servidor de e-mail devolveu a mensagem (status {u.Status}).", null),
                InternalNoteAdded n => new(e.At, "note", "Nota interna", who, n.Text, null),
                TicketAssigned a => new(e.At, "event", a.Assignee is null ? "Responsável removido" : $"Atribuído a {a.Assignee}" + (a.Group is null ? string.Empty : $" (grupo {a.Group})"), who, null, null),
                TicketEscalated x => new(e.At, "event", $"Escalado para o nível {x.ToLevel}, grupo {x.Group}", who, "Motivo: " + x.Reason, null),
                TicketPendingOnRequester p => new(e.At, "event", "Aguardando o solicitante (prazo suspenso)", who, "Motivo: " + p.Reason, null),
                TicketResumed r => new(e.At, "event", "Atendimento retomado", who, r.Reason, null),
                TicketResolved r => new(e.At, "event", r.ResolvedAtFirstContact ? "Resolvido no primeiro contato" : "Resolvido", who, r.Resolution, null),
                TicketReopened r => new(e.At, "event", "Reaberto", who, r.Reason, null),
                TicketClosed c => new(e.At, "event", "Encerrado", who, c.Reason, null),
                TicketCancelled c => new(e.At, "event", "Cancelado", who, c.Reason, null),
                TicketClassified c => new(e.At, "event", $"Classificado: {c.Category} / {c.Priority}", who, null, null),
                TicketUfChanged u => new(e.At, "event", $"UF alterada: {u.PreviousUf ?? "—"} → {u.Uf ?? "—"}", who, u.Reason, null),
                TicketForwardedToExternalTeam f => Forwarded(e.At, f, who, teamNames),
                ExternalTeamReturned r => new(e.At, "event", $"Retorno da equipe externa {teamNames.GetValueOrDefault(r.Team, r.Team)} (registro {r.Reference})", who, r.Note, null),
                EscalationRouted x => new(e.At, "event", $"Escalonamento encaminhado ao grupo {x.Group}" + (x.Assignee is null ? " (sem responsável disponível)" : $", atribuído a {x.Assignee}"), who, "Regra: " + x.Explanation, null),
                DeadlineAlerted d => new(e.At, "event", d.Stage == DeadlineStage.Breached ? "Aviso: prazo de resolução descumprido" : "Aviso: chamado em risco de descumprir o prazo", who, "Prazo: " + Display.When(clock, d.DueAt), null),
                _ => new(e.At, "event", EventName(e.Data.Kind), who, null, null),
            };
            entries.Add(entry);
        }

        return entries;
    }

    private static TimelineEntry Forwarded(DateTimeOffset at, TicketForwardedToExternalTeam f, string who, Dictionary<string, string> teamNames)
    {
        teamNames[f.Team] = f.TeamName;
        return new(at, "event", $"Encaminhado à equipe externa {f.TeamName} (registro {f.Reference})", who, "Pedido: " + f.Reason, null);
    }

    private static string SentTitle(string? purpose) => purpose switch
    {
        "acknowledgment" => "Confirmação de recebimento enviada",
        "reply" => "Resposta enviada ao solicitante",
        "resolution" => "Resolução enviada ao solicitante (com pesquisa de satisfação)",
        _ => "Mensagem enviada ao solicitante",
    };

    private static string EventName(string kind) => kind switch
    {
        "merged" => "Mesclado em outro chamado",
        "duplicateMerged" => "Duplicata mesclada neste chamado",
        "satisfactionRated" => "Pesquisa de satisfação respondida",
        _ => kind,
    };
}
