using System.Globalization;
using System.Text;
using Helpdesk.Application.Presentation;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Mail;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Intake;

/// <summary>Writes the acknowledgment the requester receives at once, in Brazilian Portuguese, quoting the protocol. To an
/// unverified recipient (a request from the anonymous web form or API: anyone may type any address) it quotes nothing
/// the caller chose, neither name nor subject, so that the product never mails someone else's text to a third party.</summary>
public static class AcknowledgmentComposer
{
    public const string Purpose = "acknowledgment";

    /// <param name="ticket">The new ticket.</param>
    /// <param name="clock">The contract's clock.</param>
    /// <param name="quoteRequest">Whether the requester's own name and subject may be quoted (mail from the address
    /// itself, or a ticket staff registered); false for anonymous web and API requests.</param>
    public static (string Subject, string Text) Compose(Ticket ticket, ContractClock clock, bool quoteRequest = true)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var subject = quoteRequest
            ? $"{ProtocolInSubject.Tag(ticket.Protocol)} Recebemos sua solicitação: {ticket.Subject}"
            : $"{ProtocolInSubject.Tag(ticket.Protocol)} Recebemos sua solicitação";
        var greeting = quoteRequest && ticket.RequesterName is { } name ? $"Olá, {name}," : "Olá,";
        var text = new StringBuilder()
            .AppendLine(greeting)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Recebemos sua mensagem e registramos o chamado de protocolo {ticket.Protocol} em {PtBrTime.Format(ticket.RegisteredAt, clock)} (horário de Brasília).")
            .AppendLine();
        if (quoteRequest)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Assunto: {ticket.Subject}").AppendLine();
        }
        else
        {
            text.AppendLine("Se você não fez esta solicitação, ignore esta mensagem.").AppendLine();
        }

        text.AppendLine("Guarde este número: ele identifica o seu atendimento. Para acrescentar informações, basta responder a este e-mail mantendo o protocolo no assunto.")
            .AppendLine();
        AppendRefused(text, ticket.Messages.Count > 0 ? ticket.Messages[0].RefusedAttachments : []);
        text.AppendLine("Atenciosamente,")
            .AppendLine("Central de Atendimento");
        return (subject, text.ToString());

    }

    /// <summary>Tells the requester which of their files were not accepted, and why (issue 20).</summary>
    private static void AppendRefused(StringBuilder text, IReadOnlyList<Domain.Attachments.RefusedAttachment> refused)
    {
        if (refused.Count == 0)
        {
            return;
        }

        text.AppendLine("Os seguintes anexos da sua mensagem não foram aceitos e não fazem parte do chamado:");
        foreach (var part in refused)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {part.Name}: {part.Reason}");
        }

        text.AppendLine("Se eles forem necessários, responda a este e-mail para combinarmos outra forma de envio.")
            .AppendLine();
    }
}
