namespace Helpdesk.Domain.Sla;

/// <summary>The targets of one category × priority of the service catalogue.</summary>
public sealed record ServiceCatalogueEntry(string Category, string Priority, SlaTarget FirstResponse, SlaTarget Resolution);
