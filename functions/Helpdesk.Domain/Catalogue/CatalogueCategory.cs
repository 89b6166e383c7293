using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Catalogue;

/// <summary>A category of the service catalogue ("classificação" / "oferta"): where its tickets start (level-1 group),
/// where they go when level 1 cannot resolve them (level-2 group), the level-1 script ("roteiro") agents follow, and
/// the default priority. Its targets are the contract's (<c>serviceCatalogue</c> entries keyed by category × priority).
/// <see cref="Kind"/> is the regulator's classification of its tickets (seed 002: complaint, request, information…);
/// <see cref="ActivityValue"/>, when set, makes each of its tickets a service order ("ordem de serviço", seed 003 3.1)
/// of that value in BRL, assessed by indicator 5.</summary>
public sealed record CatalogueCategory(
    string Code,
    string Name,
    string Level1Group,
    string Level2Group,
    string DefaultPriority,
    IReadOnlyList<string> Script,
    TicketKind Kind = TicketKind.Request,
    decimal? ActivityValue = null);
