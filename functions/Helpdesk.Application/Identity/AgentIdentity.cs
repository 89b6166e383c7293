using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Identity;

/// <summary>
/// A signed-in member of staff, as the use cases see them: a stable user id and roles. Every permission of the
/// product is decided here, in one place, so that the HTTP API and the server-rendered pages enforce the same rules.
/// </summary>
public sealed record AgentIdentity(string UserId, string? DisplayName, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public Actor Actor => Actor.Agent(UserId);

    /// <summary>Everyone with a known role reads tickets (finance reads them for the penalty reports).</summary>
    public bool CanReadTickets => Identity.Roles.All.Any(IsInRole);

    /// <summary>Agents, supervisors and admins work tickets; finance only reads.</summary>
    public bool CanWorkTickets => IsInRole(Identity.Roles.AgentL1) || IsInRole(Identity.Roles.AgentL2) || IsSupervisorOrAdmin;

    public bool IsSupervisorOrAdmin => IsInRole(Identity.Roles.Supervisor) || IsInRole(Identity.Roles.Admin);

    /// <summary>Level-1 agents work level-1 tickets only; once escalated, the level-2 group owns the ticket.</summary>
    public bool CanWorkTicketAtLevel(int level) =>
        IsSupervisorOrAdmin || IsInRole(Identity.Roles.AgentL2) || (IsInRole(Identity.Roles.AgentL1) && level == SupportGroup.Level1);

    /// <summary>The highest ticket level the caller may work (0: none): what their enrolment in a support group records,
    /// and the most a group they enrol themselves in may be.</summary>
    public int MaxWorkLevel =>
        IsSupervisorOrAdmin || IsInRole(Identity.Roles.AgentL2) ? SupportGroup.Level2
        : IsInRole(Identity.Roles.AgentL1) ? SupportGroup.Level1
        : 0;

    /// <summary>Cancelling takes a ticket out of the SLA population, so only supervisors and admins may.</summary>
    public bool CanCancelTickets => IsSupervisorOrAdmin;

    /// <summary>Full CPF/CNPJ: supervisors (they handle complaints and audits), auditors (the regulator's interaction
    /// record requires the CPF/CNPJ and its reopening check groups complaints by it: seed 002, 5.4.4.11) and admins.
    /// Others see it masked.</summary>
    public bool CanSeeTaxIds => IsSupervisorOrAdmin || IsInRole(Identity.Roles.Auditor) || IsInRole(Identity.Roles.Dpo);

    /// <summary>Requester e-mail addresses: everyone who works tickets, and auditors (the customer code of the record);
    /// finance sees them masked.</summary>
    public bool CanSeeRequesterEmail => CanWorkTickets || IsInRole(Identity.Roles.Auditor) || IsInRole(Identity.Roles.Dpo);

    /// <summary>Data subjects' requests (LGPD art. 18: access, portability, anonymization): the data protection officer
    /// and admins.</summary>
    public bool CanAnswerDataSubjects => IsInRole(Identity.Roles.Dpo) || IsInRole(Identity.Roles.Admin);

    /// <summary>What this viewer may see of requesters' personal data, as one of the product's three masked views.</summary>
    public PersonalDataView PersonalData => CanSeeTaxIds
        ? PersonalDataView.Full
        : CanSeeRequesterEmail ? PersonalDataView.TaxIdsMasked : PersonalDataView.Masked;

    /// <summary>Audit exports and reports (interaction records, protocol continuity, reopenings, misclassification,
    /// hash chains): supervisors and auditors.</summary>
    public bool CanAudit => IsInRole(Identity.Roles.Supervisor) || IsInRole(Identity.Roles.Auditor);

    /// <summary>Level 2 maintains the solutions base (seed 001); supervisors and admins too.</summary>
    public bool CanEditKnowledge => IsInRole(Identity.Roles.AgentL2) || IsSupervisorOrAdmin;

    public bool CanEditCatalogue => IsSupervisorOrAdmin;

    /// <summary>Level 2 forwards tickets to the production-support and development teams (seed 001); supervisors and
    /// admins too. Level-1 agents escalate instead.</summary>
    public bool CanForwardToExternalTeams => IsInRole(Identity.Roles.AgentL2) || IsSupervisorOrAdmin;

    public bool CanEditInstitutions => IsInRole(Identity.Roles.Admin);
}
