using System.Security.Cryptography;
using System.Text;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Mail;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Intake;

/// <summary>
/// Every way a request comes in (mailbox, HTTP API, form) ends here: dedupe, threading, registration with a protocol,
/// and the acknowledgment e-mail written to the outbox in the same atomic write.
/// </summary>
public sealed partial class TicketIntake(
    ITicketStore store,
    IIdGenerator ids,
    TimeProvider clock,
    IOptions<IntakeOptions> options,
    ILogger<TicketIntake> logger,
    IInstitutionDirectory institutions,
    IOptions<TicketOptions> ticketOptions,
    ContractDefinition contract,
    IHeldMessages held,
    IProcessedMessages processed,
    Attachments.AttachmentKeeper attachmentKeeper)
{
    /// <summary>The consumer name under which acknowledgments to unverified recipients are counted (one entry per slot:
    /// São Paulo day, a SHA-256 of the address, slot number; no address is stored).</summary>
    public const string AcknowledgmentSlots = "acknowledgment-slots";

    private const int MaxConflictRetries = 5;
    private readonly IntakeOptions _options = options.Value;

    /// <summary>An e-mail that reached the support mailbox at <paramref name="receivedAt"/>.</summary>
    public async Task<IntakeResult> ReceiveEmailAsync(InboundEmail email, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        using var activity = HelpdeskMetrics.Activities.StartActivity("intake.email");
        var result = await ReceiveEmailCoreAsync(email, receivedAt, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("helpdesk.outcome", result.Outcome.ToString());
        activity?.SetTag("helpdesk.protocol", result.Protocol);
        return Count(result, Channel.Email);
    }

    private async Task<IntakeResult> ReceiveEmailCoreAsync(InboundEmail email, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var automatic = AutomaticMailDetector.Classify(email);
        if (automatic is not null && AutomaticMailDetector.IsAutoReply(email))
        {
            LogIgnored(logger, automatic);
            return new IntakeResult(IntakeOutcome.Ignored, null, automatic);
        }

        EmailAddress? sender = EmailAddress.TryParse(email.FromAddress, out var parsed, out _) ? parsed : null;
        if (sender is { } own && string.Equals(own.Value, _options.SupportAddress, StringComparison.OrdinalIgnoreCase))
        {
            LogIgnored(logger, "from-support-address");
            return new IntakeResult(IntakeOutcome.Ignored, null, "from-support-address");
        }

        var messageId = email.MessageId is { Length: > 0 } id ? NormalizeMessageId(id) : SyntheticMessageId(email, sender?.Value ?? email.SenderGuess ?? email.FromAddress ?? string.Empty);
        if (automatic is "delivery-report" or "bounce" && await RecordUndeliveredAsync(email, cancellationToken).ConfigureAwait(false) is { } undelivered)
        {
            return undelivered;
        }

        if (automatic is not null)
        {
            return await HoldAsync(email, messageId, automatic, receivedAt, cancellationToken).ConfigureAwait(false);
        }

        if (sender is not { } from)
        {
            return await HoldAsync(email, messageId, email.SenderGuess is null ? "no-valid-sender" : "sender-guessed", receivedAt, cancellationToken).ConfigureAwait(false);
        }

        var known = await store.FindByMessageIdsAsync([messageId], cancellationToken).ConfigureAwait(false);
        if (known is not null)
        {
            return Duplicate(known.Protocol);
        }

        // The attachment step: each part kept in the content store (write-once, by SHA-256) or refused with a reason.
        var attachments = await attachmentKeeper.KeepAsync(messageId, email.Attachments, cancellationToken).ConfigureAwait(false);
        var thread = await FindThreadAsync(email, from, cancellationToken).ConfigureAwait(false);
        if (thread is not null)
        {
            return await AddToThreadAsync(thread, email, from, messageId, receivedAt, attachments, cancellationToken).ConfigureAwait(false);
        }

        // People write long subjects and long e-mails: an e-mail is never refused for that; the ticket keeps the
        // subject's first characters and the text up to the limit, and says so.
        var request = new NewTicket(Fit(email.Subject, Ticket.MaxSubjectLength), Fit(email.Text, NewTicket.MaxDescriptionLength), from, FitOptional(email.FromName, 200), Channel.Email, receivedAt)
        {
            MessageId = messageId,
            Html = email.Html,
            AttachmentCount = email.AttachmentCount,
            Attachments = attachments,
        };
        return await RegisterAsync(request, [messageId], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A request from the HTTP API or the public form. An idempotency key makes retries safe: it is scoped by
    /// <paramref name="caller"/> (<see cref="IdempotencyScope"/>), so nobody can claim another caller's key first, and the
    /// request's hash is kept beside it, so the same key with another body registers nothing and answers
    /// <see cref="IntakeOutcome.IdempotencyConflict"/> instead of silently answering with the first ticket.
    /// <paramref name="registeredByStaff"/>: a member of staff typed it (a phone call); otherwise the address is the
    /// caller's unverified claim, so the acknowledgment quotes nothing they wrote and is limited per recipient
    /// (<see cref="IntakeOptions.AcknowledgmentsPerRecipientPerDay"/>).
    /// </summary>
    public async Task<IntakeResult> ReceiveRequestAsync(NewTicket request, string? idempotencyKey, string caller, bool registeredByStaff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(caller);
        using var activity = HelpdeskMetrics.Activities.StartActivity("intake.request");
        var claim = idempotencyKey is { Length: > 0 } key ? $"idempotency:{caller}:{key}" : null;
        var sameBody = claim is null ? null : $"{claim}:body:{IdempotencyScope.BodyHash(request)}";
        IReadOnlyList<string> keys = claim is null ? [] : [claim, sameBody!];
        var result = await RegisterAsync(request, keys, cancellationToken, verifiedRecipient: registeredByStaff).ConfigureAwait(false);
        if (result.Outcome == IntakeOutcome.Duplicate && sameBody is not null &&
            await store.FindByMessageIdsAsync([sameBody], cancellationToken).ConfigureAwait(false) is null)
        {
            LogIdempotencyConflict(logger);
            result = new IntakeResult(IntakeOutcome.IdempotencyConflict, null, "idempotency-key-reused");
        }

        activity?.SetTag("helpdesk.outcome", result.Outcome.ToString());
        activity?.SetTag("helpdesk.protocol", result.Protocol);
        return Count(result, request.Channel);
    }

    private async Task<IntakeResult> RegisterAsync(NewTicket request, IReadOnlyList<string> messageIds, CancellationToken cancellationToken, bool verifiedRecipient = true)
    {
        // The institution's row gives the institution, its code and its UF; a UF given with the request wins.
        if (request.Institution is null && await institutions.FindAsync(request.RequesterEmail, cancellationToken).ConfigureAwait(false) is { } institution)
        {
            request = request with { Institution = institution.Name, InstitutionCode = institution.Domain, Uf = request.Uf ?? institution.Uf };
        }

        var now = clock.GetUtcNow();
        var year = contract.Clock.ProtocolYear(now);
        var ticketId = new TicketId(ids.NewId());
        var outboxId = ids.NewId();
        var acknowledge = !AutomaticMailDetector.IsAutomaticAddress(request.RequesterEmail.Value);
        var slot = acknowledge && !verifiedRecipient ? await FreeAcknowledgmentSlotAsync(request.RequesterEmail, now, cancellationToken).ConfigureAwait(false) : null;
        if (!verifiedRecipient && slot is null && acknowledge)
        {
            LogAcknowledgmentLimited(logger);
            acknowledge = false;
        }
        var outcome = await store.CreateAsync(
            year,
            protocol =>
            {
                var ticket = Ticket.Register(ticketId, protocol, request, now);
                if (!acknowledge)
                {
                    // No acknowledgment is ever sent to an automatic address (loop protection).
                    return new TicketDraft(ticket, messageIds, []);
                }

                var (subject, text) = AcknowledgmentComposer.Compose(ticket, contract.Clock, quoteRequest: verifiedRecipient);
                var ackMessageId = OutboundMessageId(outboxId);
                ticket.RecordMessageSent(ackMessageId, subject, text, AcknowledgmentComposer.Purpose, Actor.System, now);
                var mail = new OutboundEmail(
                    outboxId,
                    ticket.Id.ToString(),
                    ticket.Protocol.ToString(),
                    ackMessageId,
                    ticket.RequesterEmail.Value,
                    subject,
                    text,
                    request.MessageId,
                    request.MessageId is null ? [] : [request.MessageId],
                    AcknowledgmentComposer.Purpose);
                return new TicketDraft(
                    ticket,
                    [.. messageIds, ackMessageId],
                    [new OutboxMessage(outboxId, Queues.OutboundMail, mail.ToJson(), now)]);
            },
            cancellationToken).ConfigureAwait(false);

        if (outcome.InProgress)
        {
            LogInProgress(logger);
            return new IntakeResult(IntakeOutcome.InProgress, null, "in-progress");
        }

        if (!outcome.Created)
        {
            return Duplicate(outcome.Ticket.Protocol);
        }

        if (slot is not null)
        {
            await processed.MarkProcessedAsync(AcknowledgmentSlots, slot, now, cancellationToken).ConfigureAwait(false);
        }

        LogRegistered(logger, outcome.Ticket.Protocol.ToString(), request.Channel);
        return new IntakeResult(IntakeOutcome.Created, outcome.Ticket.Protocol.ToString(), null);
    }

    private async Task<TicketRef?> FindThreadAsync(InboundEmail email, EmailAddress from, CancellationToken cancellationToken)
    {
        var references = new List<string>();
        if (email.InReplyTo is { Length: > 0 } inReplyTo)
        {
            references.Add(NormalizeMessageId(inReplyTo));
        }

        references.AddRange(email.References.Where(r => r.Length > 0).Select(NormalizeMessageId));
        if (references.Count > 0)
        {
            var byReference = await store.FindByMessageIdsAsync(references.Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
            if (byReference is not null)
            {
                return byReference;
            }
        }

        if (ProtocolInSubject.Find(email.Subject) is { } protocol)
        {
            // A protocol in the subject threads only for the ticket's own requester: nobody else can write into it.
            var ticket = await store.FindByProtocolAsync(protocol, cancellationToken).ConfigureAwait(false);
            if (ticket is not null && ticket.RequesterEmail.Value.Equals(from.Value, StringComparison.OrdinalIgnoreCase))
            {
                return new TicketRef(ticket.Id, ticket.Protocol);
            }
        }

        return null;
    }

    private async Task<IntakeResult> AddToThreadAsync(TicketRef thread, InboundEmail email, EmailAddress from, string messageId, DateTimeOffset receivedAt, Domain.Attachments.MessageAttachments attachments, CancellationToken cancellationToken)
    {
        const int MaxMergeHops = 5;
        var hops = 0;
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await store.GetAsync(thread.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A threaded ticket disappeared from the store.");
            var outcome = ticket.ReceiveRequesterMessage(messageId, from.Value, Fit(email.Subject, Ticket.MaxSubjectLength), Fit(email.Text, NewTicket.MaxDescriptionLength), email.Html, receivedAt, email.AttachmentCount, ticketOptions.Value.ReopenWindow, clock.GetUtcNow(), attachments);
            switch (outcome)
            {
                case RequesterReplyOutcome.Duplicate:
                    return Duplicate(ticket.Protocol);
                case RequesterReplyOutcome.MergedElsewhere when ticket.MergedInto is { } into && hops++ < MaxMergeHops:
                    var survivor = await store.FindByProtocolAsync(into, cancellationToken).ConfigureAwait(false);
                    if (survivor is null)
                    {
                        goto case RequesterReplyOutcome.NeedsNewTicket;
                    }

                    thread = new TicketRef(survivor.Id, survivor.Protocol);
                    continue;
                case RequesterReplyOutcome.MergedElsewhere:
                case RequesterReplyOutcome.NeedsNewTicket:
                    LogFollowUp(logger, ticket.Protocol.ToString());
                    var request = new NewTicket(Fit(email.Subject, Ticket.MaxSubjectLength), Fit(email.Text, NewTicket.MaxDescriptionLength), from, FitOptional(email.FromName, 200), Channel.Email, receivedAt)
                    {
                        MessageId = messageId,
                        Html = email.Html,
                        AttachmentCount = email.AttachmentCount,
                        Attachments = attachments,
                        FollowsProtocol = ticket.Protocol,
                    };
                    return await RegisterAsync(request, [messageId], cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await store.SaveAsync(ticket, [messageId], [], cancellationToken).ConfigureAwait(false);
                LogThreaded(logger, ticket.Protocol.ToString(), outcome);
                var threaded = outcome switch
                {
                    RequesterReplyOutcome.Reopened => IntakeOutcome.Reopened,
                    RequesterReplyOutcome.NotedFromThirdParty => IntakeOutcome.Noted,
                    _ => IntakeOutcome.Threaded,
                };
                return new IntakeResult(threaded, ticket.Protocol.ToString(), null);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                // Someone else changed the ticket (or stored this very message): reload and try again.
            }
        }
    }

    private static IntakeResult Count(IntakeResult result, Channel channel)
    {
        HelpdeskMetrics.IntakeRequests.Add(1, new KeyValuePair<string, object?>("outcome", result.Outcome.ToString().ToLowerInvariant()), new KeyValuePair<string, object?>("channel", channel.ToString()));
        return result;
    }

    private IntakeResult Duplicate(ProtocolNumber protocol)
    {
        LogDuplicate(logger, protocol.ToString());
        return new IntakeResult(IntakeOutcome.Duplicate, protocol.ToString(), "duplicate");
    }

    private string OutboundMessageId(Guid outboxId)
    {
        var at = _options.SupportAddress.LastIndexOf('@');
        var domain = at >= 0 ? _options.SupportAddress[(at + 1)..] : "helpdesk.local";
        return $"{outboxId:N}@{domain}";
    }

    /// <summary>Cuts a text to <paramref name="max"/> characters, marking the cut in Portuguese.</summary>
    internal static string Fit(string text, int max)
    {
        const string Marker = " […] (texto truncado)";
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - Marker.Length), Marker);
    }

    private static string? FitOptional(string? text, int max) => text is null ? null : Fit(text, max);

    /// <summary>Message ids are compared without angle brackets and surrounding spaces.</summary>
    public static string NormalizeMessageId(string messageId) => messageId.Trim().Trim('<', '>').Trim();

    /// <summary>A message with no Message-ID gets a stable one from its content, so that a redelivery still dedupes.</summary>
    private static string SyntheticMessageId(InboundEmail email, string from)
    {
        var text = string.Join('\n', from, email.Date?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", email.Subject, email.Text);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key reused by the same caller with another body: nothing registered")]
    private static partial void LogIdempotencyConflict(ILogger logger);

    /// <summary>The first unused acknowledgment slot of this address today, or null when the day's limit is reached.
    /// Check and mark are two steps, so concurrent requests may share a slot: the limit holds up to that race.</summary>
    private async Task<string?> FreeAcknowledgmentSlotAsync(EmailAddress recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = contract.Clock.LocalDate(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var who = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.Value.ToLowerInvariant())));
        for (var n = 1; n <= _options.AcknowledgmentsPerRecipientPerDay; n++)
        {
            var key = $"{day}:{who}:{n}";
            if (!await processed.WasProcessedAsync(AcknowledgmentSlots, key, cancellationToken).ConfigureAwait(false))
            {
                return key;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledgment not sent: the recipient's daily limit for unverified requests is reached")]
    private static partial void LogAcknowledgmentLimited(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Protocol} registered from channel {Channel}")]
    private static partial void LogRegistered(ILogger logger, string protocol, Channel channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message added to ticket {Protocol} ({Outcome})")]
    private static partial void LogThreaded(ILogger logger, string protocol, RequesterReplyOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Protocol} is closed or past its reopening window: the message opens a new ticket that follows it")]
    private static partial void LogFollowUp(ILogger logger, string protocol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery for ticket {Protocol} ignored")]
    private static partial void LogDuplicate(ILogger logger, string protocol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message id is claimed by a delivery whose ticket is not written yet: answered as retryable")]
    private static partial void LogInProgress(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message not turned into a ticket: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string reason);
}
