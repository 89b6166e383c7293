namespace Helpdesk.Application.Identity;

/// <summary>How much of a requester's personal data a viewer may see (docs/decisions/ADR-005). Every output of a ticket
/// (API, lists, pages, exports, Teams cards) and the list's text search are built for one of these.</summary>
public enum PersonalDataView
{
    /// <summary>Everything (supervisor, admin, auditor, dpo).</summary>
    Full,

    /// <summary>CPF/CNPJ masked wherever they appear, e-mail addresses in full (agents).</summary>
    TaxIdsMasked,

    /// <summary>CPF/CNPJ and e-mail addresses masked wherever they appear (finance; the agents' Teams channel).</summary>
    Masked,
}
