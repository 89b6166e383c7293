using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.FunctionApp.Web.Pages.Agents;

/// <summary>The queues: mine (assigned to me), my group (my level), all; with filters and keyset pages.</summary>
public sealed class TicketsModel(TicketListing listing, ICatalogueStore catalogue, TimeProvider clock) : AgentPageModel
{
    public string View { get; private set; } = "mine";

    public string? Status { get; private set; }

    public BreachState? Breach { get; private set; }

    public string? Text { get; private set; }

    public string? Group { get; private set; }

    public TicketPage Results { get; private set; } = new([], null);

    public IReadOnlyList<SupportGroup> Groups { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string? FilterError { get; private set; }

    public async Task OnGetAsync(string? view, string? status, string? breach, string? text, string? group, string? page, CancellationToken cancellationToken)
    {
        View = view is "group" or "all" ? view : "mine";
        ViewData["Nav"] = View;
        Now = clock.GetUtcNow();
        Groups = (await catalogue.GetAsync(cancellationToken)).Catalogue.Groups;
        Status = Enum.TryParse<TicketStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? status : null;
        Breach = Enum.TryParse<BreachState>(breach, ignoreCase: true, out var b) && Enum.IsDefined(b) ? b : null;
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Group = Groups.Any(g => g.Code == group) ? group : null;

        var query = new TicketQuery
        {
            Statuses = Status is null ? [TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester] : [s],
            Breach = Breach,
            Text = Text,
            Group = Group,
            PageToken = page,
        };
        query = View switch
        {
            "mine" => query with { Assignee = Agent.UserId },
            "group" => query with { Level = AgentLevel(Agent) },
            _ => query,
        };
        if (View == "all" && Status is null && status == "any")
        {
            query = query with { Statuses = null };
        }

        try
        {
            Results = await listing.ListAsync(Agent, query, cancellationToken);
        }
        catch (ArgumentException)
        {
            FilterError = "A página pedida não existe mais. Mostrando a primeira.";
            Results = await listing.ListAsync(Agent, query with { PageToken = null }, cancellationToken);
        }
    }

    /// <summary>Level-2 agents' group is level 2; everyone else sees level 1 as "my group".</summary>
    public static int AgentLevel(AgentIdentity agent) =>
        agent.IsInRole(Roles.AgentL2) && !agent.IsInRole(Roles.AgentL1) ? SupportGroup.Level2 : SupportGroup.Level1;

    public static (string Css, string Label) Clock(TicketSummary ticket, DateTimeOffset now) => SlaDisplay.State(ticket.Status, ticket.AtRiskAt, ticket.DueAt, now);
}
