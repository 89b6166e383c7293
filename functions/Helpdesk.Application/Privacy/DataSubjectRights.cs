using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Application.Privacy;

/// <summary>
/// A data subject's rights (LGPD art. 18) over their tickets, for the data protection officer (role <c>dpo</c>) and
/// admins: access and portability (<see cref="ExportAsync"/>), and anonymization (<see cref="AnonymizeAsync"/>) of every
/// ticket not kept under a legal obligation; the retention timer (<see cref="EraseExpiredAsync"/>) erases the rest when
/// their retention ends. The tickets, their protocols, instants, statuses and every indicator stay as they were
/// (docs/decisions/ADR-023).
/// </summary>
public sealed partial class DataSubjectRights(
    ITicketQueries queries,
    ITicketStore store,
    ITicketErasure erasure,
    ContractDefinition contract,
    TimeProvider clock,
    IIdGenerator ids,
    ILogger<DataSubjectRights> logger)
{
    private const int MaxConflictRetries = 3;

    public async Task<DataSubjectRecord> ExportAsync(EmailAddress requester, AgentIdentity agent, CancellationToken cancellationToken)
    {
        Authorize(agent);
        var tickets = new List<DataSubjectTicket>();
        await foreach (var ticket in TicketsOfAsync(requester, cancellationToken).ConfigureAwait(false))
        {
            tickets.Add(Describe(ticket));
        }

        if (tickets.Count == 0)
        {
            throw new RequesterNotFoundException();
        }

        return new DataSubjectRecord(requester.Value, contract.Clock.ToLocal(clock.GetUtcNow()), tickets);
    }

    public async Task<AnonymizationResult> AnonymizeAsync(EmailAddress requester, string reason, AgentIdentity agent, CancellationToken cancellationToken)
    {
        Authorize(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = clock.GetUtcNow();
        var rows = new List<Ticket>();
        await foreach (var ticket in TicketsOfAsync(requester, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ticket);
        }

        if (rows.Count == 0)
        {
            throw new RequesterNotFoundException();
        }

        var kept = rows.Select(t => (Ticket: t, Until: KeptUntil(t))).Where(k => k.Until is null || k.Until > now).Select(k => new KeptTicket(k.Ticket.Protocol.ToString(), Local(k.Until))).ToList();
        var erasable = rows.Where(t => KeptUntil(t) is { } until && until <= now).ToList();
        if (erasable.Count == 0)
        {
            throw new LegalRetentionException(kept);
        }

        var rewrite = RequesterErasure.For(PersonalDataErased.DataSubjectRequest, now, contract.Clock, ids.NewId().ToString("N")[..12], rows.Select(t => t.RequesterName).FirstOrDefault(n => n is not null));
        var anonymized = new List<string>();
        foreach (var ticket in erasable)
        {
            await EraseAsync(ticket, rewrite, PersonalDataErased.DataSubjectRequest, reason, agent.Actor, now, cancellationToken).ConfigureAwait(false);
            anonymized.Add(ticket.Protocol.ToString());
        }

        LogAnonymized(logger, anonymized.Count, kept.Count);
        return new AnonymizationResult(anonymized, kept);
    }

    /// <summary>The retention timer: erases the personal data of every ended ticket whose retention is over. Returns how
    /// many tickets it erased. Running it again erases nothing more.</summary>
    public async Task<int> EraseExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = new TicketQuery
        {
            Statuses = [TicketStatus.Closed, TicketStatus.Cancelled, TicketStatus.Merged],
            UpdatedBefore = now.AddYears(-contract.Retention.ClosedTicketYears),
            View = PersonalDataView.Full,
            PageSize = TicketQuery.MaxPageSize,
            Now = now,
        };
        var erased = 0;
        string? token = null;
        do
        {
            var page = await queries.ListAsync(query with { PageToken = token }, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Items.Where(r => !RequesterErasure.IsPseudonym(r.RequesterEmail)))
            {
                var ticket = await store.GetAsync(TicketId.Parse(row.Id), cancellationToken).ConfigureAwait(false);
                if (ticket is null || KeptUntil(ticket) is not { } until || until > now)
                {
                    continue;
                }

                // One pseudonym per ticket: the timer does not know which tickets belong to the same person.
                var rewrite = RequesterErasure.For(PersonalDataErased.Retention, now, contract.Clock, ids.NewId().ToString("N")[..12], ticket.RequesterName);
                if (await EraseAsync(ticket, rewrite, PersonalDataErased.Retention, "Fim do prazo de guarda (LGPD, art. 16)", Actor.System, now, cancellationToken).ConfigureAwait(false))
                {
                    erased++;
                }
            }

            token = page.NextPageToken;
        }
        while (token is not null);

        LogRetentionRun(logger, erased);
        return erased;
    }

    /// <summary>Until when the ticket is kept: its end plus the contract's retention; null while it has not ended.</summary>
    public DateTimeOffset? KeptUntil(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.IsActive || ticket.Status == TicketStatus.Resolved ? null : contract.Retention.KeptUntil(ticket.ClosedAt);
    }

    private async Task<bool> EraseAsync(Ticket ticket, Domain.Tickets.History.PersonalDataRewrite rewrite, string basis, string reason, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var change = Ticket.Erase(ticket, rewrite, basis, reason, actor, now);
            if (change is null)
            {
                return false; // already erased
            }

            try
            {
                await erasure.SaveErasureAsync(change, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                ticket = await store.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false) ?? throw new TicketNotFoundException(ticket.Protocol.ToString());
            }
        }
    }

    private async IAsyncEnumerable<Ticket> TicketsOfAsync(EmailAddress requester, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new TicketQuery { RequesterEmail = requester.Value, View = PersonalDataView.Full, PageSize = TicketQuery.MaxPageSize, Now = clock.GetUtcNow() };
        string? token = null;
        do
        {
            var page = await queries.ListAsync(query with { PageToken = token }, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Items)
            {
                if (await store.GetAsync(TicketId.Parse(row.Id), cancellationToken).ConfigureAwait(false) is { } ticket)
                {
                    yield return ticket;
                }
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    private DataSubjectTicket Describe(Ticket t)
    {
        var attachments = t.History.Select(e => e.Data).OfType<MessageReceived>().ToList();
        var inbound = 0;
        return new DataSubjectTicket(
            t.Protocol.ToString(),
            Json(t.Status.ToString()),
            Json(t.Channel.ToString()),
            contract.Clock.ToLocal(t.ReceivedAt),
            contract.Clock.ToLocal(t.RegisteredAt),
            Local(t.ClosedAt),
            t.Subject,
            t.RequesterName,
            t.RequesterTaxId?.Formatted,
            t.Institution,
            t.Uf?.Code,
            [.. t.Messages.Select(m => new DataSubjectMessage(
                Json(m.Direction.ToString()),
                contract.Clock.ToLocal(m.At),
                m.Subject,
                m.Text,
                m.Direction == MessageDirection.Inbound && inbound < attachments.Count ? attachments[inbound++].AttachmentCount : 0,
                [.. m.Attachments.Select(a => new DataSubjectAttachment(a.Id, a.Name, a.ContentType, a.Size, a.Sha256))]))],
            t.Rating is { } r ? new DataSubjectRating(r.Score, r.Comment, contract.Clock.ToLocal(r.At)) : null,
            Local(KeptUntil(t)),
            Local(t.PersonalDataErasedAt));
    }

    private DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? contract.Clock.ToLocal(i) : null;

    private static string Json(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static void Authorize(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanAnswerDataSubjects)
        {
            throw new AccessDeniedException("Data subjects' requests are answered by the data protection officer (role dpo) or an admin.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data subject request: personal data of {Anonymized} tickets erased, {Kept} kept under a legal obligation")]
    private static partial void LogAnonymized(ILogger logger, int anonymized, int kept);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: personal data of {Erased} ended tickets erased")]
    private static partial void LogRetentionRun(ILogger logger, int erased);
}
