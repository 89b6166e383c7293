using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.FunctionApp.Api;

public sealed record TicketMessageResponse(string Direction, string Party, string Subject, string Text, DateTimeOffset At, string? Purpose, string? MessageId, string? Author)
{
    /// <summary>The files kept with the message; each is downloaded at <c>/api/tickets/{protocol}/attachments/{id}</c>.</summary>
    public IReadOnlyList<AttachmentResponse> Attachments { get; init; } = [];

    /// <summary>The parts of an incoming message that were not kept, and why.</summary>
    public IReadOnlyList<RefusedAttachmentResponse> RefusedAttachments { get; init; } = [];
}

/// <summary>A file on a message (issue 20): <see cref="Sha256"/> is the lower-case hex digest of its bytes.</summary>
public sealed record AttachmentResponse(string Id, string Name, string ContentType, long Size, string Sha256)
{
    public static AttachmentResponse From(Domain.Attachments.AttachmentRef a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.Name, a.ContentType, a.Size, a.Sha256);
    }
}

/// <summary>A part of a message that was refused (blocked type, over a size limit), with the reason in pt-BR.</summary>
public sealed record RefusedAttachmentResponse(string Name, long Size, string Reason);

/// <summary>One history entry: who, when, what (<see cref="Data"/> is the event's own content, personal data masked
/// for roles that must not see it), with its hash link.</summary>
public sealed record TicketEventResponse(int Sequence, DateTimeOffset At, string Actor, string Type, string Hash, string PreviousHash, JsonNode? Data);

public sealed record TicketNoteResponse(int Sequence, DateTimeOffset At, string Author, string Text);

public sealed record SuspensionResponse(DateTimeOffset From, DateTimeOffset? To);

/// <summary>A forwarding to an external team: the team, its own record, what was asked, and the return (null while the
/// team has the ticket).</summary>
public sealed record ExternalHandOffResponse(
    string Team, string TeamName, string Reference, string Reason, DateTimeOffset ForwardedAt, string ForwardedBy, DateTimeOffset? ReturnedAt, string? ReturnNote);

public sealed record RatingResponse(int Score, string? Comment, DateTimeOffset At);

/// <summary>One SLA clock: state (onTrack, atRisk, breached), whether suspended, deadline, what is left (e.g. "3 business
/// days"), the share of the target already run, and the regulator's cap if any.</summary>
public sealed record ClockResponse(string State, bool IsSuspended, DateTimeOffset? DueAt, string Remaining, double ElapsedFraction, DateTimeOffset? LimitAt, bool BeyondLimit)
{
    public static ClockResponse From(Domain.Sla.ClockReading r, ContractClock clock)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(clock);
        return new(TicketResponse.JsonName(r.State.ToString()), r.IsSuspended, r.DueAt is { } d ? clock.ToLocal(d) : null, r.Remaining.ToString(),
            Math.Round(r.ElapsedFraction, 4), r.LimitAt is { } l ? clock.ToLocal(l) : null, r.BeyondLimit);
    }
}

/// <summary>The SLA clocks. <see cref="DefaultTarget"/>: no catalogue entry of its own (not classified yet, or not listed),
/// so the clocks run against the contract's target for unclassified tickets (<c>serviceCatalogue.unclassified</c>).</summary>
public sealed record SlaResponse(string? Category, string? Priority, ClockResponse FirstResponse, ClockResponse Resolution, bool DefaultTarget);

/// <summary>A ticket as the API shows it. Instants carry the contract's offset. CPF/CNPJ are masked unless the role needs
/// them (supervisor, admin); finance also sees requester e-mail addresses masked.</summary>
public sealed record TicketResponse(
    string Protocol,
    string Id,
    string Status,
    string Subject,
    string RequesterEmail,
    string? RequesterName,
    string Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RegisteredAt,
    int Version,
    IReadOnlyList<TicketMessageResponse> Messages,
    IReadOnlyList<TicketEventResponse> History)
{
    public string? RequesterTaxId { get; init; }

    public string? Institution { get; init; }

    /// <summary>The requester's UF (state), two upper-case letters.</summary>
    public string? Uf { get; init; }

    public int Level { get; init; }

    public string? Group { get; init; }

    public string? Assignee { get; init; }

    public string? Category { get; init; }

    public string? Priority { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FirstResponseAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public bool? ResolvedAtFirstContact { get; init; }

    public string? Resolution { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public bool WasEscalated { get; init; }

    public int ReopenCount { get; init; }

    public string? MergedInto { get; init; }

    public string? FollowsProtocol { get; init; }

    public IReadOnlyList<string> Duplicates { get; init; } = [];

    public IReadOnlyList<SuspensionResponse> Suspensions { get; init; } = [];

    public IReadOnlyList<TicketNoteResponse> Notes { get; init; } = [];

    public RatingResponse? Rating { get; init; }

    /// <summary>The external team that has the ticket now (null: none); the ticket stays open at level 2 meanwhile.</summary>
    public ExternalHandOffResponse? ExternalHandOff { get; init; }

    /// <summary>Every forwarding to an external team, oldest first.</summary>
    public IReadOnlyList<ExternalHandOffResponse> ExternalHandOffs { get; init; } = [];

    /// <summary>The SLA clocks now: every ticket has them from registration (the contract's target for unclassified tickets
    /// until it is classified).</summary>
    public SlaResponse? Sla { get; init; }

    /// <summary>Whether the stored history's hash chain verifies.</summary>
    public bool HistoryVerified { get; init; }

    public static TicketResponse From(Ticket ticket, AgentIdentity viewer, ContractClock clock, Application.Sla.TicketClockReadings? clocks = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(viewer);
        return From(MaskedTicket.For(ticket, viewer), clock, clocks);
    }

    /// <summary>The response of a ticket as its viewer may see it: every field comes from the masked view.</summary>
    public static TicketResponse From(MaskedTicket view, ContractClock clock, Application.Sla.TicketClockReadings? clocks = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(clock);
        var ticket = view.Ticket;
        return new TicketResponse(
            ticket.Protocol.ToString(),
            ticket.Id.ToString(),
            JsonName(ticket.Status.ToString()),
            ticket.Subject,
            ticket.RequesterEmail.Value,
            ticket.RequesterName,
            JsonName(ticket.Channel.ToString()),
            clock.ToLocal(ticket.ReceivedAt),
            clock.ToLocal(ticket.RegisteredAt),
            ticket.CommittedVersion,
            [.. ticket.Messages.Select(m => new TicketMessageResponse(
                JsonName(m.Direction.ToString()), m.Party, m.Subject, m.Text, clock.ToLocal(m.At), m.Purpose, m.MessageId, m.Author)
            {
                Attachments = [.. m.Attachments.Select(AttachmentResponse.From)],
                RefusedAttachments = [.. m.RefusedAttachments.Select(r => new RefusedAttachmentResponse(r.Name, r.Size, r.Reason))],
            })],
            [.. view.History.Select(e => new TicketEventResponse(
                e.Sequence, clock.ToLocal(e.At), e.Actor.ToString(), e.Data.Kind, e.Hash, e.PreviousHash, EventData(e)))])
        {
            RequesterTaxId = view.RequesterTaxId,
            Institution = ticket.Institution,
            Uf = ticket.Uf?.Code,
            Level = ticket.Level,
            Group = ticket.Group,
            Assignee = ticket.Assignee,
            Category = ticket.Category,
            Priority = ticket.Priority,
            UpdatedAt = clock.ToLocal(ticket.UpdatedAt),
            FirstResponseAt = Local(ticket.FirstResponseAt, clock),
            ResolvedAt = Local(ticket.ResolvedAt, clock),
            ResolvedAtFirstContact = ticket.ResolvedAtFirstContact,
            Resolution = ticket.Resolution,
            ClosedAt = Local(ticket.ClosedAt, clock),
            WasEscalated = ticket.WasEscalated,
            ReopenCount = ticket.ReopenCount,
            MergedInto = ticket.MergedInto?.ToString(),
            FollowsProtocol = ticket.FollowsProtocol?.ToString(),
            Duplicates = ticket.Duplicates,
            Suspensions = [.. ticket.Suspensions.Select(s => new SuspensionResponse(clock.ToLocal(s.From), Local(s.To, clock)))],
            Notes = [.. ticket.Notes.Select(n => new TicketNoteResponse(n.Sequence, clock.ToLocal(n.At), n.Author, n.Text))],
            Rating = ticket.Rating is { } r ? new RatingResponse(r.Score, r.Comment, clock.ToLocal(r.At)) : null,
            ExternalHandOff = ticket.CurrentExternalHandOff is { } current ? HandOff(current, clock) : null,
            ExternalHandOffs = [.. ticket.ExternalHandOffs.Select(h => HandOff(h, clock))],
            HistoryVerified = view.HistoryVerified,
            Sla = clocks is null ? null : new SlaResponse(clocks.Category, clocks.Priority, ClockResponse.From(clocks.FirstResponse, clock), ClockResponse.From(clocks.Resolution, clock), clocks.DefaultTarget),
        };
    }

    private static ExternalHandOffResponse HandOff(ExternalHandOff h, ContractClock clock) =>
        new(h.Team, h.TeamName, h.Reference, h.Reason, clock.ToLocal(h.ForwardedAt), h.ForwardedBy, Local(h.ReturnedAt, clock), h.ReturnNote);

    private static DateTimeOffset? Local(DateTimeOffset? instant, ContractClock clock) => instant is { } i ? clock.ToLocal(i) : null;

    /// <summary>The entry's content as the viewer may see it (already masked by the view).</summary>
    private static JsonNode? EventData(TicketEvent e)
    {
        var node = JsonSerializer.SerializeToNode(e.Data, EventHasher.CanonicalJson);
        if (node is JsonObject data)
        {
            data.Remove("type");
        }

        return node;
    }

    internal static string JsonName(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}

/// <summary>
/// A ticket in a list: the store's list row (<see cref="TicketSummary"/>, whose fields are written once, there) as the
/// viewer sees it: instants on the contract's clock, subject, name and e-mail masked as <see cref="PersonalDataMask"/> says.
/// </summary>
public static class TicketSummaryResponse
{
    public static TicketSummary From(TicketSummary s, AgentIdentity viewer, ContractClock clock)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(clock);
        return MaskedTicket.Row(s, PersonalDataMask.For(viewer)) with
        {
            RegisteredAt = clock.ToLocal(s.RegisteredAt),
            UpdatedAt = clock.ToLocal(s.UpdatedAt),
            AtRiskAt = s.AtRiskAt is { } a ? clock.ToLocal(a) : null,
            DueAt = s.DueAt is { } d ? clock.ToLocal(d) : null,
        };
    }
}

public sealed record TicketListResponse(IReadOnlyList<TicketSummary> Items, string? NextPageToken, string? Next);
