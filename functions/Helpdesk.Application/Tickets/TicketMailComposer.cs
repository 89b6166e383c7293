using System.Globalization;
using System.Text;
using Helpdesk.Application.Presentation;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Mail;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Tickets;

/// <summary>The texts of the e-mails agents' actions send to the requester, in Brazilian Portuguese.</summary>
public static class TicketMailComposer
{
    public static string Subject(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return $"Re: {ProtocolInSubject.Tag(ticket.Protocol)} {ticket.Subject}";
    }

    public static string Reply(Ticket ticket, string text, string? agentName)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new StringBuilder()
            .AppendLine(text.Trim())
            .AppendLine()
            .AppendLine("Atenciosamente,")
            .AppendLine(agentName is { Length: > 0 } name ? name : "Central de Atendimento")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Protocolo {ticket.Protocol}. Para responder, basta responder a este e-mail.")
            .ToString();
    }

    /// <summary>What the stored resolution e-mail (the ticket's history, the outbox, dead letters) holds where the survey
    /// link goes: the signed link is a capability of the requester, so it is put into the outgoing message only when it is
    /// sent (<see cref="Helpdesk.Application.Outbox.SendRequesterMail"/>) and never stored where staff can read it.</summary>
    public const string SurveyLinkPlaceholder = "[link pessoal da pesquisa de satisfação: enviado somente ao solicitante]";

    /// <summary>The resolution e-mail as stored: with <see cref="SurveyLinkPlaceholder"/> instead of the survey link.</summary>
    public static string Resolution(Ticket ticket, string resolution, int reopenWindowDays, ContractClock clock)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var greeting = ticket.RequesterName is { } name ? $"Olá, {name}," : "Olá,";
        return new StringBuilder()
            .AppendLine(greeting)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"O chamado de protocolo {ticket.Protocol} foi resolvido em {PtBrTime.Format(ticket.ResolvedAt ?? ticket.UpdatedAt, clock)} (horário de Brasília).")
            .AppendLine()
            .AppendLine("Solução:")
            .AppendLine(resolution.Trim())
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Se o problema continuar, responda a este e-mail em até {reopenWindowDays} dias e o chamado será reaberto.")
            .AppendLine()
            .AppendLine("Conte-nos como foi o atendimento (nota de 0 a 10, leva menos de um minuto):")
            .AppendLine(SurveyLinkPlaceholder)
            .AppendLine()
            .AppendLine("Atenciosamente,")
            .AppendLine("Central de Atendimento")
            .ToString();
    }
}
