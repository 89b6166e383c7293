using Helpdesk.Application.Identity;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Ports;

/// <summary>Where a ticket stands against its resolution target at a given instant.</summary>
public enum BreachState
{
    /// <summary>Has a target and is neither at risk nor past it.</summary>
    OnTime,

    /// <summary>Past the at-risk point, not yet past the target.</summary>
    AtRisk,

    /// <summary>Past its target.</summary>
    Breached,
}

/// <summary>Filters of a ticket list; null means "any". Results are ordered by protocol, newest first.</summary>
public sealed record TicketQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public IReadOnlyList<TicketStatus>? Statuses { get; init; }

    public int? Level { get; init; }

    public string? Group { get; init; }

    public string? Assignee { get; init; }

    /// <summary>Only tickets nobody holds.</summary>
    public bool Unassigned { get; init; }

    public string? Category { get; init; }

    public string? Priority { get; init; }

    public string? Institution { get; init; }

    /// <summary>The requester's UF (two upper-case letters).</summary>
    public string? Uf { get; init; }

    /// <summary>Breach state at <see cref="Now"/> (tickets without a target never match).</summary>
    public BreachState? Breach { get; init; }

    /// <summary>Words that must all appear (accent- and case-insensitive) in the subject, messages, requester or protocol.</summary>
    public string? Text { get; init; }

    /// <summary>What <see cref="Text"/> is matched against: the ticket's text as this view shows it (a viewer who sees
    /// CPF/CNPJ or e-mail addresses masked cannot find a ticket by them). Defaults to the most masked view.</summary>
    public PersonalDataView View { get; init; } = PersonalDataView.Masked;

    public Channel? Channel { get; init; }

    /// <summary>Only the tickets of this requester (the address compared without regard to case): a data subject's
    /// tickets (LGPD art. 18).</summary>
    public string? RequesterEmail { get; init; }

    /// <summary>Only tickets whose last change is before this instant (the retention sweep: an ended ticket changed last
    /// at or after its end).</summary>
    public DateTimeOffset? UpdatedBefore { get; init; }

    public DateTimeOffset Now { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The opaque token of the previous page's <see cref="TicketPage.NextPageToken"/>.</summary>
    public string? PageToken { get; init; }
}

/// <summary>One ticket in a list (the read model kept beside the events, in the same transaction).</summary>
public sealed record TicketSummary(
    string Id,
    string Protocol,
    TicketStatus Status,
    string Subject,
    string RequesterEmail,
    string? RequesterName,
    string? Institution,
    Channel Channel,
    int Level,
    string? Group,
    string? Assignee,
    string? Category,
    string? Priority,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AtRiskAt,
    DateTimeOffset? DueAt,
    int Version,
    string? Uf = null);

public sealed record TicketPage(IReadOnlyList<TicketSummary> Items, string? NextPageToken);

/// <summary>The read side of the ticket store: filtered, paginated lists (keyset pagination on the protocol, so a
/// page never repeats or skips a ticket when new ones arrive). Separate from <see cref="ITicketStore"/> so that an
/// adapter can serve it from an index or a projection.</summary>
public interface ITicketQueries
{
    /// <summary>Throws <see cref="ArgumentException"/> for a malformed page token.</summary>
    Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken);
}
