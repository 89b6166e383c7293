using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary><see cref="Level"/>: the highest ticket level the agent works (1 or 2), said by a supervisor enrolling someone
/// else; an agent enrolling themselves is recorded at the level their role allows.</summary>
public sealed record MemberRequest(bool? Available, int? Level = null);

public sealed record MemberResponse(string Group, string Agent, bool Available, int ActiveTickets, DateTimeOffset? LastAssignedAt, DateTimeOffset ChangedAt, int? WorkLevel);

/// <summary><c>/api/groups/{group}/members</c>: the roster escalations are assigned from (least-loaded available member).
/// Staff read it; supervisors and admins add, change and remove members; an agent sets their own availability.
/// Enrolment records the highest level the member works: an agent enrols only in groups of a level their role works
/// (a level-1 agent never joins a level-2 group and so never draws an escalation it cannot work), and routing skips
/// members who cannot work the group's level.</summary>
public static class GroupEndpoints
{
    public static void MapGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/groups").WithTags("Groups").RequireAuthorization(AgentApi.StaffPolicy).AddEndpointFilter<ApiErrorFilter>();
        group.MapGet("/{code}/members", ListAsync).WithName("ListGroupMembers").Produces<IReadOnlyList<MemberResponse>>().ProducesProblem(404);
        group.MapPut("/{code}/members/{agent}", PutAsync).WithName("PutGroupMember").Produces<MemberResponse>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        group.MapDelete("/{code}/members/{agent}", RemoveAsync).WithName("DeleteGroupMember").Produces(204).ProducesProblem(403).ProducesProblem(404);
    }

    internal static async Task<IResult> ListAsync(string code, IAgentRoster roster, ICatalogueStore catalogue, CancellationToken cancellationToken)
    {
        if (await UnknownGroupAsync(code, catalogue, cancellationToken).ConfigureAwait(false) is { } notFound)
        {
            return notFound;
        }

        var members = await roster.MembersAsync(code, cancellationToken).ConfigureAwait(false);
        return Results.Ok(members.Select(Response).ToList());
    }

    internal static async Task<IResult> PutAsync(string code, string agent, MemberRequest? body, HttpContext context, IAgentRoster roster, ICatalogueStore catalogue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Agents.Current(context.User)!;
        var agentId = string.Equals(agent, "me", StringComparison.Ordinal) ? caller.UserId : agent.Trim();
        if (!caller.IsSupervisorOrAdmin && !(caller.CanWorkTickets && string.Equals(agentId, caller.UserId, StringComparison.Ordinal)))
        {
            return Problems.Forbidden("Só a supervisão altera a escala de outras pessoas; cada agente altera apenas a própria disponibilidade.");
        }

        if (body?.Available is not { } available)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["available"] = ["Informe se a pessoa está disponível (true ou false)."] });
        }

        if (agentId.Length is 0 or > 256)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["agent"] = ["Informe o identificador do agente (até 256 caracteres)."] });
        }

        var group = (await catalogue.GetAsync(cancellationToken).ConfigureAwait(false)).Catalogue.FindGroup(code);
        if (group is null)
        {
            return Problems.NotFound($"Nenhum grupo de atendimento tem o código '{code}'.");
        }

        int? workLevel;
        if (!caller.IsSupervisorOrAdmin || string.Equals(agentId, caller.UserId, StringComparison.Ordinal))
        {
            // Enrolling oneself: the level is the caller's role's, and a group above it is refused.
            workLevel = caller.MaxWorkLevel;
            if (group.Level > workLevel)
            {
                return Problems.Forbidden($"Você atende chamados de até {workLevel}º nível e não pode entrar no grupo '{code}', de {group.Level}º nível: escalonamentos dele iriam para quem não pode trabalhá-los.");
            }
        }
        else if (body.Level is { } level)
        {
            if (level is not (SupportGroup.Level1 or SupportGroup.Level2))
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["level"] = ["Informe o nível que o agente atende: 1 ou 2."] });
            }

            if (level < group.Level)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["level"] = [$"Um agente de {level}º nível não pode entrar no grupo '{code}', de {group.Level}º nível."] });
            }

            workLevel = level;
        }
        else
        {
            // A supervisor enrolling someone without saying the level vouches for the group's; a member keeps theirs.
            var existing = (await roster.MembersAsync(code, cancellationToken).ConfigureAwait(false)).Any(m => m.AgentId == agentId);
            workLevel = existing ? null : group.Level;
        }

        await roster.SetAvailabilityAsync(code, agentId, available, workLevel, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var member = (await roster.MembersAsync(code, cancellationToken).ConfigureAwait(false)).Single(m => m.AgentId == agentId);
        return Results.Ok(Response(member));
    }

    internal static async Task<IResult> RemoveAsync(string code, string agent, HttpContext context, IAgentRoster roster, CancellationToken cancellationToken)
    {
        if (!Agents.Current(context.User)!.IsSupervisorOrAdmin)
        {
            return Problems.Forbidden("Só a supervisão remove pessoas de um grupo.");
        }

        return await roster.RemoveAsync(code, agent, cancellationToken).ConfigureAwait(false)
            ? Results.NoContent()
            : Problems.NotFound($"'{agent}' não faz parte do grupo '{code}'.");
    }

    private static async Task<IResult?> UnknownGroupAsync(string code, ICatalogueStore catalogue, CancellationToken cancellationToken) =>
        (await catalogue.GetAsync(cancellationToken).ConfigureAwait(false)).Catalogue.FindGroup(code) is null
            ? Problems.NotFound($"Nenhum grupo de atendimento tem o código '{code}'.")
            : null;

    private static MemberResponse Response(GroupMember m) => new(m.Group, m.AgentId, m.Available, m.ActiveTickets, m.LastAssignedAt, m.ChangedAt, m.WorkLevel);
}
