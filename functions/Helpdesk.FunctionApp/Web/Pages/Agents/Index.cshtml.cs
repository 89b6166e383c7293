using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.FunctionApp.Web.Pages.Agents;

/// <summary><c>/api/app</c>: the Teams tab's entry point; sends staff to their queue (supervisors to the dashboard).</summary>
public sealed class IndexModel : AgentPageModel
{
    public IActionResult OnGet() => Redirect(Agent.IsSupervisorOrAdmin ? WebRoutes.Dashboard : WebRoutes.Tickets);
}
