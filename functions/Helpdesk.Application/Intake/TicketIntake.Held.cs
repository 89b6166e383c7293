using System.Security.Cryptography;
using System.Text;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Mail;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Application.Intake;

/// <summary>Messages the intake cannot place by itself: held for a supervisor, or, for a delivery report of a message a
/// ticket sent, recorded on that ticket.</summary>
public sealed partial class TicketIntake
{
    /// <summary>The held message's id: derived from the message id, so a redelivery finds the message held already.</summary>
    public static string HeldId(string messageId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..32];

    private async Task<IntakeResult> HoldAsync(InboundEmail email, string messageId, string reason, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var message = new HeldMessage(
            HeldId(messageId),
            messageId,
            FitOptional(email.FromAddress ?? email.SenderGuess, 254),
            Fit(email.Subject, Ticket.MaxSubjectLength),
            Fit(email.Text, NewTicket.MaxDescriptionLength),
            receivedAt,
            reason,
            email.SenderGuess);
        var (stored, isNew) = await held.HoldAsync(message, cancellationToken).ConfigureAwait(false);
        LogHeld(logger, stored.Id, stored.Reason, isNew);
        return new IntakeResult(IntakeOutcome.Held, null, stored.Reason);
    }

    /// <summary>A delivery report that names a message a ticket sent is recorded on that ticket; null when it names none.</summary>
    private async Task<IntakeResult?> RecordUndeliveredAsync(InboundEmail email, CancellationToken cancellationToken)
    {
        var candidates = new[] { email.ReportedMessageId, email.InReplyTo }.Concat(email.References)
            .Where(r => !string.IsNullOrWhiteSpace(r))
            .Select(r => NormalizeMessageId(r!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0 || await store.FindByMessageIdsAsync(candidates, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return null;
        }

        for (var attempt = 1; ; attempt++)
        {
            var ticket = await store.GetAsync(owner.Id, cancellationToken).ConfigureAwait(false);
            var sent = ticket?.Messages.FirstOrDefault(m => m.Direction == MessageDirection.Outbound && m.MessageId is { } id && candidates.Contains(id, StringComparer.Ordinal));
            if (ticket is null || sent is null)
            {
                return null; // the report names a message the requester sent, not one we sent
            }

            if (!ticket.RecordUndelivered(sent.MessageId!, email.ReportedStatus, clock.GetUtcNow()))
            {
                return new IntakeResult(IntakeOutcome.Undelivered, ticket.Protocol.ToString(), "undelivered");
            }

            try
            {
                await store.SaveAsync(ticket, [], [], cancellationToken).ConfigureAwait(false);
                LogUndelivered(logger, ticket.Protocol.ToString());
                return new IntakeResult(IntakeOutcome.Undelivered, ticket.Protocol.ToString(), "undelivered");
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                // The ticket changed meanwhile: reload and record again (or find it recorded).
            }
        }
    }

    /// <summary>Opens a ticket from a held message for <paramref name="requester"/>, under the held message's id, so that
    /// doing it twice opens one ticket. No acknowledgment goes to an automatic address.</summary>
    public async Task<IntakeResult> OpenFromHeldAsync(HeldMessage message, EmailAddress requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = new NewTicket(
            string.IsNullOrWhiteSpace(message.Subject) ? "(sem assunto)" : message.Subject,
            string.IsNullOrWhiteSpace(message.Text) ? "(mensagem sem texto)" : message.Text,
            requester,
            null,
            Channel.Email,
            message.ReceivedAt)
        {
            MessageId = message.MessageId,
        };
        var result = await RegisterAsync(request, [message.MessageId], cancellationToken).ConfigureAwait(false);
        return Count(result, Channel.Email);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message held for review as {HeldId}: {Reason} (new: {IsNew})")]
    private static partial void LogHeld(ILogger logger, string heldId, string reason, bool isNew);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery report recorded on ticket {Protocol}")]
    private static partial void LogUndelivered(ILogger logger, string protocol);
}
