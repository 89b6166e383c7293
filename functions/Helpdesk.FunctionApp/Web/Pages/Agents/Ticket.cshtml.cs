using Helpdesk.Application.Sla;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Knowledge;
using Helpdesk.Domain.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.FunctionApp.Web.Pages.Agents;

/// <summary>
/// One ticket: facts, SLA clock, timeline (sanitized e-mail HTML in a sandboxed frame) and the agent's actions. Every
/// form carries the version the agent saw; a change by someone else in between is refused (never a lost update) and the
/// page says so in Portuguese, keeping what was typed.
/// </summary>
public sealed class TicketModel(
    TicketActions actions,
    ICatalogueStore catalogue,
    IKnowledgeBase knowledge,
    ITicketDeadlines deadlines,
    TicketClocks clocks,
    MailHtmlSanitizer sanitizer,
    TimeProvider clock,
    Domain.Contracts.ContractDefinition contract,
    Application.Attachments.AttachmentUploads uploads,
    IMalwareScanResults scans,
    InlineImageLinks inlineLinks) : AgentPageModel
{
    /// <summary>What the malware scan said of each file on the page, by SHA-256 (issue 20).</summary>
    public IReadOnlyDictionary<string, MalwareVerdict> Verdicts { get; private set; } = new Dictionary<string, MalwareVerdict>();

    /// <summary>Files the agent attaches to the reply (multipart form).</summary>
    [BindProperty]
    public List<IFormFile> ReplyFiles { get; set; } = [];

    public static string DownloadUrl(ProtocolNumber protocol, Domain.Attachments.AttachmentRef file) =>
        $"/api/tickets/{protocol}/attachments/{file?.Id}";

    /// <summary>The sanitized frame of a message, its <c>cid:</c> images pointed at signed same-origin links.</summary>
    public string SanitizedFrame(string html, IReadOnlyList<Domain.Attachments.AttachmentRef> files) =>
        sanitizer.ToFrameDocument(InlineImages.Rewrite(html, files, f => inlineLinks.Create(Ticket.Protocol.ToString(), f.Id)));

    public Ticket Ticket { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<SupportGroup> Level2Groups { get; private set; } = [];

    public TicketDeadline Deadline { get; private set; } = TicketDeadline.None;

    /// <summary>The first-response and resolution clocks on the contract's business calendar (null: no target).</summary>
    public TicketClockReadings? Clocks { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<KnowledgeArticle> KnowledgeResults { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Kb { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? ReplyText { get; set; }

    [BindProperty]
    public List<Guid> ArticleIds { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Group { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    [BindProperty]
    public bool FirstContact { get; set; }

    [BindProperty]
    public string? NoteText { get; set; }

    /// <summary>The external team chosen in the forward form (a code of the contract's <c>externalTeams</c>).</summary>
    [BindProperty]
    public string? Team { get; set; }

    /// <summary>The external team's own record (issue, change or request number).</summary>
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? ReturnNote { get; set; }

    /// <summary>The UF chosen in the data card (empty: clear it).</summary>
    [BindProperty]
    public string? Uf { get; set; }

    /// <summary>The contract's external teams, for the forward form.</summary>
    public IReadOnlyList<ExternalTeam> ExternalTeams => actions.ExternalTeams;

    /// <summary>The outcome of the last action, for the status line.</summary>
    public string? Done { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Which form the error belongs to, so that it is shown beside it.</summary>
    public string? ErrorForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(string protocol, Guid? insert, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(protocol, cancellationToken))
        {
            return NotFound();
        }

        Done = done switch
        {
            "reply" => "Resposta enviada.",
            "take" => "Chamado atribuído a você.",
            "escalate" => "Chamado escalado.",
            "pending" => "Chamado aguardando o solicitante; o prazo está suspenso.",
            "resume" => "Atendimento retomado.",
            "resolve" => "Chamado resolvido; a resolução e a pesquisa de satisfação foram enviadas ao solicitante.",
            "note" => "Nota interna registrada.",
            "forward" => "Chamado encaminhado à equipe externa; ele continua aberto no 2º nível.",
            "external-return" => "Retorno da equipe externa registrado.",
            "reopen" => "Chamado reaberto.",
            "close" => "Chamado encerrado.",
            "cancel" => "Chamado cancelado.",
            "uf" => "UF do solicitante atualizada.",
            _ => null,
        };
        if (insert is { } id && await knowledge.GetAsync(id, cancellationToken) is { } article)
        {
            ReplyText = article.Body;
            ArticleIds = [article.Id];
        }

        return Page();
    }

    public Task<IActionResult> OnPostReplyAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "reply", async (target, ct) =>
        {
            var files = new List<Application.Attachments.ReplyAttachment>();
            foreach (var file in ReplyFiles.Where(f => f.Length > 0))
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var stored = await uploads.UploadAsync(file.FileName, file.ContentType, buffer.ToArray(), ct);
                files.Add(new Application.Attachments.ReplyAttachment(stored.ContentId, stored.Name, stored.ContentType));
            }

            return await actions.ReplyAsync(target, Agent, ReplyText ?? string.Empty, ArticleIds, files, ct);
        }, cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "note", (target, ct) => actions.AddInternalNoteAsync(target, Agent, NoteText ?? string.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostTakeAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "take", (target, ct) => actions.AssignAsync(target, Agent, Agent.UserId, null, ct), cancellationToken);

    public Task<IActionResult> OnPostEscalateAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "escalate", (target, ct) => actions.EscalateAsync(target, Agent, string.IsNullOrEmpty(Group) ? null : Group, Reason ?? string.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostPendingAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "pending", (target, ct) => actions.SetPendingOnRequesterAsync(target, Agent, Reason ?? string.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "resume", (target, ct) => actions.ResumeAsync(target, Agent, Reason ?? "Retomado pelo atendente", ct), cancellationToken);

    public Task<IActionResult> OnPostResolveAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "resolve", (target, ct) => actions.ResolveAsync(target, Agent, FirstContact, Resolution ?? string.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostForwardAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "forward", (target, ct) => actions.ForwardToExternalTeamAsync(target, Agent, Team, Reference ?? string.Empty, Reason ?? string.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostExternalReturnAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "external-return", (target, ct) => actions.RecordExternalReturnAsync(target, Agent, ReturnNote, ct), cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "reopen", (target, ct) => actions.ReopenAsync(target, Agent, Reason ?? string.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "close", (target, ct) => actions.CloseAsync(target, Agent, Reason ?? string.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostUfAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "uf", (target, ct) => actions.ChangeUfAsync(target, Agent, Domain.Common.Uf.ParseOptional(Uf), Reason, ct), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(string protocol, CancellationToken cancellationToken) =>
        ActAsync(protocol, "cancel", (target, ct) => actions.CancelAsync(target, Agent, Reason ?? string.Empty, ct), cancellationToken);

    private async Task<IActionResult> ActAsync(string protocol, string form, Func<TicketTarget, CancellationToken, Task<Ticket>> act, CancellationToken cancellationToken)
    {
        if (!ProtocolNumber.TryParse(protocol, out var number))
        {
            return NotFound();
        }

        try
        {
            await act(new TicketTarget(number, Version), cancellationToken);
            return Redirect(WebRoutes.Ticket(protocol) + "?done=" + form);
        }
        catch (TicketNotFoundException)
        {
            return NotFound();
        }
        catch (AccessDeniedException)
        {
            Error = "Seu perfil não permite esta ação neste chamado.";
        }
        catch (ConcurrencyConflictException)
        {
            Error = ActionErrors.Conflict;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (DomainException ex)
        {
            Error = ActionErrors.Message(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        ErrorForm = form;
        await LoadAsync(protocol, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string protocol, CancellationToken cancellationToken)
    {
        if (!ProtocolNumber.TryParse(protocol, out var number))
        {
            return false;
        }

        try
        {
            // The page shows (and works on) the ticket as this agent may see it: personal data masked by role.
            Ticket = MaskedTicket.For(await actions.GetAsync(number, Agent, cancellationToken), Agent).Ticket;
        }
        catch (TicketNotFoundException)
        {
            return false;
        }

        ViewData["Title"] = $"Chamado {Ticket.Protocol}";
        Now = clock.GetUtcNow();
        Deadline = deadlines.For(Ticket);
        Clocks = clocks.Read(Ticket, Now);
        Timeline = TicketTimeline.For(Ticket, contract.Clock);
        Level2Groups = [.. (await catalogue.GetAsync(cancellationToken)).Catalogue.Groups.Where(g => g.Level == SupportGroup.Level2)];
        var verdicts = new Dictionary<string, MalwareVerdict>(StringComparer.Ordinal);
        foreach (var file in Ticket.AttachmentReferences().DistinctBy(f => f.Sha256))
        {
            verdicts[file.Sha256] = await scans.VerdictAsync(file.ContentKey, cancellationToken);
        }

        Verdicts = verdicts;
        if (!string.IsNullOrWhiteSpace(Kb))
        {
            KnowledgeResults = await knowledge.SearchAsync(new KnowledgeSearch(Kb, null, null, 8), cancellationToken);
        }

        return true;
    }

    /// <summary>The version the forms post back: the one on screen (after a conflict, the page shows the new state, so
    /// the next submission is checked against what the agent now sees).</summary>
    public int FormVersion => Ticket.CommittedVersion;

    public bool CanWork => Agent.CanWorkTickets && Agent.CanWorkTicketAtLevel(Ticket.Level) && Ticket.IsActive;

    /// <summary>The UF is a correction of the record: allowed on ended tickets too (the domain verb allows every status).</summary>
    public bool CanEditUf => Agent.CanWorkTickets && Agent.CanWorkTicketAtLevel(Ticket.Level);

    /// <summary>Level 2 (and supervisors) forward an open level-2 ticket to an external team and record its return.</summary>
    public bool CanForward => CanWork && Agent.CanForwardToExternalTeams && Ticket.Level == SupportGroup.Level2 && Ticket.Status == TicketStatus.Open
        && Ticket.CurrentExternalHandOff is null && ExternalTeams.Count > 0;

    public bool CanRecordReturn => CanWork && Agent.CanForwardToExternalTeams && Ticket.CurrentExternalHandOff is not null;

    /// <summary>The contract's answer to whether a hand-off suspends the clock (shown beside the deadline).</summary>
    public bool HandOffSuspendsClock => contract.ClockSettings.ExternalHandOffSuspendsClock;

    /// <summary>A resolved ticket is reopened or closed by whoever may work it at its level.</summary>
    public bool CanConclude => Agent.CanWorkTickets && Agent.CanWorkTicketAtLevel(Ticket.Level) && Ticket.Status == TicketStatus.Resolved;

    /// <summary>Only supervisors and admins cancel, and only a ticket still being worked.</summary>
    public bool CanCancel => CanWork && Agent.CanCancelTickets;

    /// <summary>The requester's address as this agent may see it (the ticket on the page is the masked view).</summary>
    public string RequesterEmailShown => Ticket.RequesterEmail.Value;
}
