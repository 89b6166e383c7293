using System.Globalization;
using System.Text;
using Helpdesk.Application.Presentation;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Mail;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Intake;

/// <summary>Writes the acknowledgment the requester receives at once, in Brazilian Portuguese, quoting the protocol.</summary>
public static class AcknowledgmentComposer
{
    public const string Purpose = "acknowledgment";

    public static (string Subject, string Text) Compose(Ticket ticket, ContractClock clock)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var subject = $"{ProtocolInSubject.Tag(ticket.Protocol)} Recebemos sua solicitação: {ticket.Subject}";
        var greeting = ticket.RequesterName is { } name ? $"Olá, {name}," : "Olá,";
        var text = new StringBuilder()
            .AppendLine(greeting)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Recebemos sua mensagem e registramos o chamado de protocolo {ticket.Protocol} em {PtBrTime.Format(ticket.RegisteredAt, clock)} (horário de Brasília).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Assunto: {ticket.Subject}")
            .AppendLine()
            .AppendLine("Guarde este número: ele identifica o seu atendimento. Para acrescentar informações, basta responder a este e-mail mantendo o protocolo no assunto.")
            .AppendLine()
            .AppendLine("Atenciosamente,")
            .AppendLine("Central de Atendimento")
            .ToString();
        return (subject, text);
    }
}
