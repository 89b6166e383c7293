using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.FunctionApp.Web.Pages.Agents;

/// <summary>
/// The supervisor's dashboard: tickets opened per day and channel (a server-rendered SVG chart), backlog by level,
/// and the share of active tickets within their deadline. Figures come from the ticket list read model.
/// </summary>
public sealed class DashboardModel(TicketListing listing, TimeProvider clock) : AgentPageModel
{
    /// <summary>Days the chart covers, ending today (São Paulo).</summary>
    public const int Days = 14;

    /// <summary>The dashboard reads at most this many tickets (newest first) until a dedicated aggregate query exists.</summary>
    public const int MaxTickets = 5_000;

    public IReadOnlyList<DateOnly> Dates { get; private set; } = [];

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    /// <summary>Opened tickets by day and channel.</summary>
    public IReadOnlyDictionary<(DateOnly Day, Channel Channel), int> Opened { get; private set; } = new Dictionary<(DateOnly, Channel), int>();

    public IReadOnlyDictionary<int, int> BacklogByLevel { get; private set; } = new Dictionary<int, int>();

    public int WithTarget { get; private set; }

    public int WithinTarget { get; private set; }

    public int AtRisk { get; private set; }

    public bool Truncated { get; private set; }

    public int MaxPerDay => Dates.Count == 0 ? 0 : Dates.Max(d => Channels.Sum(c => Opened.GetValueOrDefault((d, c))));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Nav"] = "dashboard";
        ViewData["Title"] = "Painel da supervisão";
        if (!Agent.IsSupervisorOrAdmin)
        {
            return Forbid();
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(SaoPaulo.ToLocal(now).DateTime);
        Dates = [.. Enumerable.Range(0, Days).Select(i => today.AddDays(i - Days + 1))];
        var opened = new Dictionary<(DateOnly, Channel), int>();
        var backlog = new Dictionary<int, int> { [1] = 0, [2] = 0 };
        var count = 0;
        string? token = null;
        do
        {
            var page = await listing.ListAsync(Agent, new TicketQuery { PageSize = TicketQuery.MaxPageSize, PageToken = token }, cancellationToken);
            foreach (var t in page.Items)
            {
                count++;
                var day = DateOnly.FromDateTime(SaoPaulo.ToLocal(t.RegisteredAt).DateTime);
                if (day >= Dates[0])
                {
                    opened[(day, t.Channel)] = opened.GetValueOrDefault((day, t.Channel)) + 1;
                }

                if (t.Status is TicketStatus.New or TicketStatus.Open or TicketStatus.PendingOnRequester)
                {
                    backlog[t.Level] = backlog.GetValueOrDefault(t.Level) + 1;
                    if (t.DueAt is { } due && t.Status != TicketStatus.PendingOnRequester)
                    {
                        WithTarget++;
                        if (now < due)
                        {
                            WithinTarget++;
                            AtRisk += t.AtRiskAt is { } risk && now >= risk ? 1 : 0;
                        }
                    }
                }
            }

            token = page.NextPageToken;
            Truncated = token is not null && count >= MaxTickets;
        }
        while (token is not null && !Truncated);

        Opened = opened;
        BacklogByLevel = backlog;
        Channels = [.. Enum.GetValues<Channel>().Where(c => Dates.Any(d => opened.ContainsKey((d, c))))];
        return Page();
    }
}
