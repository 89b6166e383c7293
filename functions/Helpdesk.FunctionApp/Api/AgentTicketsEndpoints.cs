using System.Globalization;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.FunctionApp.Api;

/// <summary><see cref="Attachments"/>: files uploaded before with <c>POST /api/tickets/{protocol}/uploads</c>, each named by
/// its <c>contentId</c> with the file name to send (issue 20).</summary>
public sealed record ReplyRequest(string? Text, IReadOnlyList<Guid>? KnowledgeArticleIds, IReadOnlyList<Application.Attachments.ReplyAttachment>? Attachments = null);

public sealed record NoteRequest(string? Text);

/// <summary><see cref="Assignee"/>: a user id, <c>me</c> (take it), or null to leave it unassigned.</summary>
public sealed record AssignRequest(string? Assignee, string? Group);

public sealed record EscalateRequest(string? Group, string? Reason);

public sealed record ReasonRequest(string? Reason);

public sealed record ResolveRequest(bool ResolvedAtFirstContact, string? Resolution);

public sealed record MergeRequest(string? Into, string? Reason);

/// <summary><see cref="Team"/>: the code of one of the contract's external teams; <see cref="Reference"/>: that team's own
/// record (issue, change or request number).</summary>
public sealed record ForwardRequest(string? Team, string? Reference, string? Reason);

public sealed record ExternalReturnRequest(string? Note);

public sealed record ClassifyRequest(string? Category, string? Priority);

/// <summary><see cref="Uf"/>: one of the 27 UFs (case-insensitive), or null/empty to clear it.</summary>
public sealed record UfRequest(string? Uf, string? Reason);

/// <summary>The agents' ticket API under <c>/api/tickets</c>: list, read with history, and one POST per lifecycle verb.
/// Reads return an ETag; every write needs If-Match (428 without, 412 when stale).</summary>
public static class AgentTicketsEndpoints
{
    public static void MapAgentTicketsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization(AgentApi.StaffPolicy).AddEndpointFilter<ApiErrorFilter>();
        group.MapGet("", ListAsync).WithName("ListTickets").WithSummary("Lists tickets with filters, newest first, a page at a time.")
            .Produces<TicketListResponse>();
        group.MapGet("/{protocol}", GetAsync).WithName("GetTicket").WithSummary("Reads one ticket with its messages, notes and hash-chained history.")
            .Produces<TicketResponse>().ProducesProblem(404);

        Verb(group, "replies", "ReplyToRequester", "Sends a public reply to the requester by e-mail (threaded).", (ReplyRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.ReplyAsync(t, a, r.Text ?? string.Empty, r.KnowledgeArticleIds, r.Attachments, c));
        Verb(group, "notes", "AddInternalNote", "Adds a note for agents only (never e-mailed).", (NoteRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.AddInternalNoteAsync(t, a, r.Text ?? string.Empty, c));
        Verb(group, "assign", "AssignTicket", "Assigns the ticket (assignee 'me' takes it); a new ticket becomes open.", (AssignRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.AssignAsync(t, a, string.Equals(r.Assignee, "me", StringComparison.OrdinalIgnoreCase) ? a.UserId : r.Assignee, r.Group, c));
        Verb(group, "escalate", "EscalateTicket", "Escalates to a level-2 group with a reason (default: the category's level-2 group).", (EscalateRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.EscalateAsync(t, a, r.Group, r.Reason ?? string.Empty, c));
        Verb(group, "pending", "SetPendingOnRequester", "Waits on the requester: the SLA clock is suspended.", (ReasonRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.SetPendingOnRequesterAsync(t, a, r.Reason ?? string.Empty, c));
        Verb(group, "resume", "ResumeTicket", "Ends the pendency on the requester.", (ReasonRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.ResumeAsync(t, a, r.Reason ?? string.Empty, c));
        Verb(group, "resolve", "ResolveTicket", "Resolves the ticket, recording first-contact resolution; e-mails the resolution with the survey link.", (ResolveRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.ResolveAsync(t, a, r.ResolvedAtFirstContact, r.Resolution ?? string.Empty, c));
        Verb(group, "reopen", "ReopenTicket", "Reopens a resolved ticket.", (ReasonRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.ReopenAsync(t, a, r.Reason ?? string.Empty, c));
        Verb(group, "close", "CloseTicket", "Closes a resolved ticket for good.", (ReasonRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.CloseAsync(t, a, r.Reason ?? string.Empty, c));
        Verb(group, "cancel", "CancelTicket", "Cancels an unresolved ticket (supervisors and admins).", (ReasonRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.CancelAsync(t, a, r.Reason ?? string.Empty, c));
        Verb(group, "forward", "ForwardToExternalTeam", "Forwards the ticket to an external team (level 2, supervisors) with that team's record reference; it stays open.", (ForwardRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.ForwardToExternalTeamAsync(t, a, r.Team, r.Reference ?? string.Empty, r.Reason ?? string.Empty, c));
        Verb(group, "external-return", "RecordExternalReturn", "Records that the external team gave the ticket back, with an optional note.", (ExternalReturnRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.RecordExternalReturnAsync(t, a, r.Note, c));
        Verb(group, "classify", "ClassifyTicket", "Sets the catalogue category and priority.", (ClassifyRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.ClassifyAsync(t, a, r.Category ?? string.Empty, r.Priority, c));
        Verb(group, "uf", "SetTicketUf", "Sets (or clears) the requester's UF on the ticket; recorded as a hash-chained event.", (UfRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            x.ChangeUfAsync(t, a, Domain.Common.Uf.ParseOptional(r.Uf), r.Reason, c));
        Verb(group, "merge", "MergeDuplicate", "Merges this duplicate into another ticket ('into': its protocol).", (MergeRequest r, TicketTarget t, AgentIdentity a, TicketActions x, CancellationToken c) =>
            ProtocolNumber.TryParse(r.Into, out var into)
                ? x.MergeAsync(t, a, into, r.Reason ?? string.Empty, c)
                : throw new Domain.Common.DomainException("ticket.merge.into", "Name the protocol of the ticket to merge into ('into')."));
    }

    internal static async Task<IResult> ListAsync(
        HttpContext context,
        TicketListing listing,
        [FromQuery] string? status,
        [FromQuery] int? level,
        [FromQuery] string? group,
        [FromQuery] string? assignee,
        [FromQuery] bool? unassigned,
        [FromQuery] string? category,
        [FromQuery] string? priority,
        [FromQuery] string? institution,
        [FromQuery] string? uf,
        [FromQuery] string? breach,
        [FromQuery] string? text,
        [FromQuery] string? channel,
        [FromQuery] int? pageSize,
        [FromQuery] string? pageToken,
        CancellationToken cancellationToken)
    {
        var agent = Agents.Current(context.User)!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var statuses = new List<TicketStatus>();
        foreach (var s in (status ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<TicketStatus>(s, ignoreCase: true, out var parsed) && !int.TryParse(s, out _))
            {
                statuses.Add(parsed);
            }
            else
            {
                errors["status"] = [$"Situação desconhecida '{s}'. Use: {string.Join(", ", Enum.GetNames<TicketStatus>().Select(TicketResponse.JsonName))}."];
            }
        }

        if (level is not null and not (1 or 2))
        {
            errors["level"] = ["O nível é 1 ou 2."];
        }

        BreachState? breachState = null;
        if (breach is { Length: > 0 })
        {
            if (Enum.TryParse<BreachState>(breach, ignoreCase: true, out var b) && !int.TryParse(breach, out _))
            {
                breachState = b;
            }
            else
            {
                errors["breach"] = ["Use onTime, atRisk ou breached."];
            }
        }

        Channel? channelValue = null;
        if (channel is { Length: > 0 })
        {
            if (Enum.TryParse<Channel>(channel, ignoreCase: true, out var ch) && !int.TryParse(channel, out _))
            {
                channelValue = ch;
            }
            else
            {
                errors["channel"] = ["Canal desconhecido."];
            }
        }

        if (pageSize is not null and (< 1 or > TicketQuery.MaxPageSize))
        {
            errors["pageSize"] = [$"Entre 1 e {TicketQuery.MaxPageSize}."];
        }

        var ufCode = TicketsEndpoints.ReadUf(uf, errors)?.Code;

        if (text is { Length: > 200 })
        {
            errors["text"] = ["No máximo 200 caracteres."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var query = new TicketQuery
        {
            Statuses = statuses.Count > 0 ? statuses : null,
            Level = level,
            Group = Blank(group),
            Assignee = string.Equals(assignee, "me", StringComparison.OrdinalIgnoreCase) ? agent.UserId : Blank(assignee),
            Unassigned = unassigned == true,
            Category = Blank(category),
            Priority = Blank(priority),
            Institution = Blank(institution),
            Uf = ufCode,
            Breach = breachState,
            Text = Blank(text),
            Channel = channelValue,
            PageSize = pageSize ?? TicketQuery.DefaultPageSize,
            PageToken = Blank(pageToken),
        };
        var page = await listing.ListAsync(agent, query, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (page.NextPageToken is { } token)
        {
            var q = context.Request.Query.Where(p => p.Key != "pageToken").Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value.ToString()))
                .Append("pageToken=" + Uri.EscapeDataString(token));
            next = "/api/tickets?" + string.Join('&', q);
        }

        return Results.Ok(new TicketListResponse([.. page.Items.Select(i => TicketSummaryResponse.From(i, agent, Web.Display.ClockOf(context)))], page.NextPageToken, next));
    }

    internal static async Task<IResult> GetAsync(string protocol, HttpContext context, TicketActions actions, TicketClocks clocks, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ProtocolNumber.TryParse(protocol, out var number))
        {
            return Problems.NotFound($"Não existe chamado com o protocolo '{protocol}'.");
        }

        var agent = Agents.Current(context.User)!;
        var ticket = await actions.GetAsync(number, agent, cancellationToken).ConfigureAwait(false);
        ETags.Set(context.Response, ticket.CommittedVersion);
        return Results.Ok(TicketResponse.From(ticket, agent, Web.Display.ClockOf(context), clocks.Read(ticket, clock.GetUtcNow())));
    }

    /// <summary>Maps <c>POST /api/tickets/{protocol}/{verb}</c>: protocol and If-Match read here, the use case does the rest.</summary>
    private static void Verb<TRequest>(RouteGroupBuilder group, string verb, string name, string summary, Func<TRequest, TicketTarget, AgentIdentity, TicketActions, CancellationToken, Task<Ticket>> action)
        where TRequest : class
    {
        group.MapPost("/{protocol}/" + verb, async (string protocol, TRequest? body, HttpContext context, TicketActions actions, TicketClocks clocks, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (!ProtocolNumber.TryParse(protocol, out var number))
                {
                    return Problems.NotFound($"Não existe chamado com o protocolo '{protocol}'.");
                }

                var (version, problem) = ETags.ReadIfMatch(context.Request);
                if (problem is not null)
                {
                    return problem;
                }

                if (body is null)
                {
                    return Problems.BadRequest("Envie o corpo da requisição como JSON.");
                }

                var agent = Agents.Current(context.User)!;
                var ticket = await action(body, new TicketTarget(number, version), agent, actions, cancellationToken).ConfigureAwait(false);
                ETags.Set(context.Response, ticket.CommittedVersion);
                return Results.Ok(TicketResponse.From(ticket, agent, Web.Display.ClockOf(context), clocks.Read(ticket, clock.GetUtcNow())));
            })
            .WithName(name)
            .WithSummary(summary)
            .Accepts<TRequest>("application/json")
            .Produces<TicketResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
