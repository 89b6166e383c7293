using System.Security.Claims;
using Helpdesk.Application.Identity;

namespace Helpdesk.FunctionApp.Identity;

/// <summary>Turns the signed-in principal into the use cases' <see cref="AgentIdentity"/>.</summary>
public static class Agents
{
    /// <summary>The signed-in staff member, or null when the request carries no valid identity.</summary>
    public static AgentIdentity? Current(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = user.FindFirst(HelpdeskAuthenticationHandler.UserIdClaim)?.Value
            ?? user.FindFirst("oid")?.Value
            ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? user.FindFirst("preferred_username")?.Value;
        if (id is null)
        {
            return null;
        }

        var roles = user.FindAll(HelpdeskAuthenticationHandler.RoleClaim).Concat(user.FindAll(ClaimTypes.Role))
            .Select(c => c.Value).Where(Roles.IsKnown).ToHashSet(StringComparer.Ordinal);
        return new AgentIdentity(id, user.FindFirst("name")?.Value ?? user.Identity.Name, roles);
    }
}
