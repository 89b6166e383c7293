using Helpdesk.Application.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Helpdesk.FunctionApp.Web.Pages.Agents;

/// <summary>A page for signed-in staff: the same identity, roles and use cases as the JSON API.</summary>
[Authorize(Policy = AgentApi.StaffPolicy)]
public abstract class AgentPageModel : PageModel
{
    private AgentIdentity? _agent;

    /// <summary>The signed-in staff member (the staff policy guarantees one).</summary>
    public AgentIdentity Agent => _agent ??= Helpdesk.FunctionApp.Identity.Agents.Current(User) ?? throw new AccessDeniedException("No staff identity.");

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ViewData["Area"] = "agent";
        ViewData["UserName"] = (Agent.DisplayName ?? Agent.UserId) + " · " + string.Join(", ", Agent.Roles.Select(RoleName));
        base.OnPageHandlerExecuting(context);
    }

    public static string RoleName(string role) => role switch
    {
        Roles.AgentL1 => "atendente N1",
        Roles.AgentL2 => "atendente N2",
        Roles.Supervisor => "supervisão",
        Roles.Finance => "financeiro",
        Roles.Admin => "administração",
        _ => role,
    };
}
