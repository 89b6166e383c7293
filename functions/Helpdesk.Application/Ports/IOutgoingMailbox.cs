namespace Helpdesk.Application.Ports;

/// <summary>Sends e-mail to requesters (Graph in Azure, .eml files locally). Sending the same
/// <see cref="Outbox.OutboundEmail.MessageId"/> twice must not send twice.</summary>
public interface IOutgoingMailbox
{
    Task SendAsync(Outbox.OutboundEmail email, CancellationToken cancellationToken);
}
