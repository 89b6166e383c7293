namespace Helpdesk.Application.Identity;

/// <summary>The roles that decide what a signed-in person may see and do (values of the <c>roles</c> claim, as app
/// roles are named in Entra ID and in the development header <c>X-Dev-Role</c>). See docs/api.md for the matrix.</summary>
public static class Roles
{
    public const string AgentL1 = "agent-l1";
    public const string AgentL2 = "agent-l2";
    public const string Supervisor = "supervisor";
    public const string Finance = "finance";
    public const string Admin = "admin";

    /// <summary>An internal or external auditor (the regulator's inspection, the contract manager): reads tickets and the
    /// audit exports and reports, works nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>The data protection officer (LGPD art. 41, "encarregado"): answers data subjects' requests (access,
    /// portability, anonymization; docs/decisions/ADR-005 and ADR-023). Reads tickets in full, works none.</summary>
    public const string Dpo = "dpo";

    public static IReadOnlyList<string> All { get; } = [AgentL1, AgentL2, Supervisor, Finance, Admin, Auditor, Dpo];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
